package rules

import "testing"

func TestAwsvpcContainerOptions(t *testing.T) {
	testRule(t, NewAwsvpcContainerOptionsRule(), []ruleCase{
		{name: "each option is flagged on its key", src: fargateTask(`  network_mode = "awsvpc"
  container_definitions = jsonencode([{
    name              = "app"
    links             = ["db"]
    hostname          = "app"
    dnsServers        = ["10.0.0.2"]
    dnsSearchDomains  = ["corp"]
    extraHosts        = [{ hostname = "db", ipAddress = "10.0.0.9" }]
    disableNetworking = true
  }])`),
			want: []string{
				`10:5: container "app" sets links`,
				`11:5: container "app" sets hostname`,
				`12:5: container "app" sets dnsServers`,
				`13:5: container "app" sets dnsSearchDomains`,
				`14:5: container "app" sets extraHosts`,
				`15:5: container "app" sets disableNetworking`,
			}},
		{name: "empty and false values are silent", src: fargateTask(`  network_mode = "awsvpc"
  container_definitions = jsonencode([{ name = "app", links = [], hostname = "", disableNetworking = false, dnsServers = null }])`)},
		{name: "bridge tasks may use them", src: fargateTask(`  network_mode = "bridge"
  container_definitions = jsonencode([{ name = "app", links = ["db"], hostname = "app" }])`)},
	})
}
