package model

import (
	"regexp"
	"strings"
)

// privateECRImage matches an image in a private Amazon ECR registry.
var privateECRImage = regexp.MustCompile(`^[0-9]{12}\.dkr\.ecr(-fips)?\.[a-z0-9-]+\.amazonaws\.com(\.cn)?/`)

// IsPrivateECRImage reports whether image is pulled from a private ECR registry.
func IsPrivateECRImage(image string) bool {
	return privateECRImage.MatchString(image)
}

// Needs is what a task must reach at start, as its known containers show.
type Needs struct {
	// PrivateECR names a container pulling from private ECR ("" if none).
	PrivateECR string
	// ExternalImage names a container whose image comes from outside AWS PrivateLink
	// (Docker Hub, ECR Public, another registry), and the image.
	ExternalImage, ExternalImageName string
	// Logs names a container using awslogs.
	Logs string
	// SecretsManager and SSM name a container reading secrets from those services.
	SecretsManager, SSM string
}

// TaskNeeds reads what the task definition's known containers need.
func TaskNeeds(td *TaskDefinition) Needs {
	var n Needs
	set := func(field *string, label string) {
		if *field == "" {
			*field = label
		}
	}
	for _, c := range td.KnownContainers() {
		if image, ok := c.Get("image").Str(); ok {
			if IsPrivateECRImage(image) {
				set(&n.PrivateECR, c.Label)
			} else if n.ExternalImage == "" {
				n.ExternalImage, n.ExternalImageName = c.Label, image
			}
		}
		logConf := c.Get("logConfiguration")
		if driver, ok := logConf.Get("logDriver").Str(); ok && driver == "awslogs" {
			set(&n.Logs, c.Label)
		}
		secrets, _ := c.Get("secrets").Elements()
		options, _ := logConf.Get("secretOptions").Elements()
		for _, s := range append(secrets, options...) {
			from, ok := s.Get("valueFrom").Str()
			switch {
			case !ok:
			case strings.Contains(from, ":secretsmanager:"):
				set(&n.SecretsManager, c.Label)
			default:
				set(&n.SSM, c.Label)
			}
		}
		if c.Has("repositoryCredentials") {
			set(&n.SecretsManager, c.Label)
		}
	}
	return n
}

// ECRRepository reads a private ECR image reference
// (<account>.dkr.ecr.<region>.amazonaws.com/<repository>[:tag|@digest]) into the region of
// its registry and the ARN of its repository.
func ECRRepository(image string) (region, arn string, ok bool) {
	if !IsPrivateECRImage(image) {
		return "", "", false
	}
	host, path, _ := strings.Cut(image, "/")
	labels := strings.Split(host, ".")
	account, region := labels[0], labels[3]
	if i := strings.Index(path, "@"); i >= 0 {
		path = path[:i]
	}
	if i := strings.LastIndex(path, ":"); i > strings.LastIndex(path, "/") {
		path = path[:i]
	}
	partition := "aws"
	switch {
	case strings.HasSuffix(host, ".amazonaws.com.cn"):
		partition = "aws-cn"
	case strings.HasPrefix(region, "us-gov-"):
		partition = "aws-us-gov"
	}
	if path == "" {
		return "", "", false
	}
	return region, "arn:" + partition + ":ecr:" + region + ":" + account + ":repository/" + path, true
}
