package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestLanguageServer opens a file with a known mistake in `tflint --langserver`, as an
// editor does, and checks the diagnostic it publishes: where the editor underlines, and
// a message that stands alone (editors show neither the rule name nor its link).
func TestLanguageServer(t *testing.T) {
	tflint := tflintPath(t)
	pluginDir := buildPlugin(t)
	dir := copyCase(t, filepath.Join("testdata", "jsonencode_locals"))
	env := append(os.Environ(), "TFLINT_PLUGIN_DIR="+pluginDir)
	diags := openInEditor(t, tflint, env, []string{"--langserver"}, dir, dir, "main.tf")
	type position struct{ Line, Character int }
	want := struct {
		start, end position
		message    string
	}{
		// hostPort = 80 on line 17 of main.tf (0-based line 16), inside jsonencode via a local.
		start:   position{16, 53},
		end:     position{16, 55},
		message: "hostPort 80 must equal containerPort 8080 or be omitted: in awsvpc network mode each container port is exposed on the same port of the task's network interface",
	}
	for _, d := range diags {
		if d.Message == want.message {
			if d.Range.Start.Line != want.start.Line || d.Range.Start.Character != want.start.Character ||
				d.Range.End.Line != want.end.Line || d.Range.End.Character != want.end.Character {
				t.Errorf("diagnostic at %+v, want %+v to %+v", d.Range, want.start, want.end)
			}
			if strings.Contains(d.Message, "fargate_") {
				t.Errorf("message names the rule: %q", d.Message)
			}
			return
		}
	}
	t.Fatalf("no diagnostic %q among %d published", want.message, len(diags))
}

// openInEditor starts `tflint args...` in dir, with the environment env, as an
// editor does for a workspace at root; opens root/file (a slash-separated path) and
// returns the diagnostics published for it. The server is then shut down as an editor
// does, and must leave no process behind.
func openInEditor(t *testing.T, tflint string, env, args []string, dir, root, file string) []lspDiagnostic {
	t.Helper()
	cmd := exec.Command(tflint, args...)
	cmd.Dir = dir
	cmd.Env = env
	stdin, _ := cmd.StdinPipe()
	stdout, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lsp := &lspClient{in: stdin, out: bufio.NewReader(stdout)}
	defer lsp.shutdown(t, cmd)

	lsp.send(t, 1, "initialize", map[string]any{"processId": os.Getpid(), "rootUri": fileURI(root), "capabilities": map[string]any{}})
	if _, err := lsp.waitForResponse(1, 30*time.Second); err != nil {
		t.Fatal(err)
	}
	lsp.send(t, 0, "initialized", map[string]any{})
	path := filepath.Join(root, filepath.FromSlash(file))
	text, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lsp.send(t, 0, "textDocument/didOpen", map[string]any{"textDocument": map[string]any{
		"uri": fileURI(path), "languageId": "terraform", "version": 1, "text": string(text),
	}})
	return lsp.waitForDiagnostics(t, file, 60*time.Second)
}

type lspDiagnostic struct {
	Message string
	Range   struct{ Start, End struct{ Line, Character int } }
}

// lspClient speaks JSON-RPC with the Content-Length framing of the language server
// protocol.
type lspClient struct {
	in  io.Writer
	out *bufio.Reader
}

func (c *lspClient) send(t *testing.T, id int, method string, params any) {
	t.Helper()
	msg := map[string]any{"jsonrpc": "2.0", "method": method, "params": params}
	if id != 0 {
		msg["id"] = id
	}
	body, err := json.Marshal(msg)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := fmt.Fprintf(c.in, "Content-Length: %d\r\n\r\n%s", len(body), body); err != nil {
		t.Fatal(err)
	}
}

// waitForDiagnostics reads messages until the server publishes diagnostics for a file
// named file, and returns them.
func (c *lspClient) waitForDiagnostics(t *testing.T, file string, timeout time.Duration) []lspDiagnostic {
	t.Helper()
	type result struct {
		diags []lspDiagnostic
		err   error
	}
	done := make(chan result, 1)
	go func() {
		for {
			body, err := c.read()
			if err != nil {
				done <- result{err: err}
				return
			}
			var msg struct {
				Method string
				Params struct {
					URI         string
					Diagnostics []lspDiagnostic
				}
			}
			if json.Unmarshal(body, &msg) == nil && msg.Method == "textDocument/publishDiagnostics" &&
				strings.HasSuffix(msg.Params.URI, "/"+file) && len(msg.Params.Diagnostics) > 0 {
				done <- result{diags: msg.Params.Diagnostics}
				return
			}
		}
	}()
	select {
	case r := <-done:
		if r.err != nil {
			t.Fatalf("reading from the language server: %v", r.err)
		}
		return r.diags
	case <-time.After(timeout):
		t.Fatalf("no diagnostics for %s within %s", file, timeout)
	}
	return nil
}

func (c *lspClient) read() ([]byte, error) {
	length := -1
	for {
		line, err := c.out.ReadString('\n')
		if err != nil {
			return nil, err
		}
		line = strings.TrimSpace(line)
		if line == "" {
			break
		}
		if v, ok := strings.CutPrefix(line, "Content-Length:"); ok {
			length, _ = strconv.Atoi(strings.TrimSpace(v))
		}
	}
	if length < 0 {
		return nil, fmt.Errorf("message without Content-Length")
	}
	body := make([]byte, length)
	_, err := io.ReadFull(c.out, body)
	return body, err
}

// fileURI returns the file:// URI of an absolute path, also for Windows drive paths.
func fileURI(path string) string {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}

// waitForResponse reads messages until the response to request id arrives.
func (c *lspClient) waitForResponse(id int, timeout time.Duration) (json.RawMessage, error) {
	done := make(chan error, 1)
	var result json.RawMessage
	go func() {
		for {
			body, err := c.read()
			if err != nil {
				done <- err
				return
			}
			var msg struct {
				ID     *int
				Result json.RawMessage
				Method string
			}
			if json.Unmarshal(body, &msg) == nil && msg.ID != nil && *msg.ID == id && msg.Method == "" {
				result = msg.Result
				done <- nil
				return
			}
		}
	}()
	select {
	case err := <-done:
		return result, err
	case <-time.After(timeout):
		return nil, fmt.Errorf("no response to request %d within %s", id, timeout)
	}
}

// shutdown ends the session as an editor does (shutdown, then exit) and checks that the
// server and the plugin processes it started are gone.
func (c *lspClient) shutdown(t *testing.T, cmd *exec.Cmd) {
	t.Helper()
	plugins := childProcesses(cmd.Process.Pid)
	c.send(t, 9999, "shutdown", nil)
	if _, err := c.waitForResponse(9999, 30*time.Second); err != nil {
		t.Error(err)
	}
	c.send(t, 0, "exit", nil)
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	select {
	case <-exited:
	case <-time.After(30 * time.Second):
		t.Error("the language server did not exit after shutdown and exit")
		_ = cmd.Process.Kill()
		<-exited
	}
	deadline := time.Now().Add(10 * time.Second)
	for _, pid := range plugins {
		for processAlive(pid) && time.Now().Before(deadline) {
			time.Sleep(50 * time.Millisecond)
		}
		if processAlive(pid) {
			t.Errorf("plugin process %d still runs after the language server exited", pid)
			if p, err := os.FindProcess(pid); err == nil {
				_ = p.Kill()
			}
		}
	}
}

// childProcesses lists the processes whose parent is pid (Linux; elsewhere none).
func childProcesses(pid int) []int {
	entries, _ := os.ReadDir("/proc")
	var out []int
	for _, e := range entries {
		child, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		status, err := os.ReadFile(filepath.Join("/proc", e.Name(), "status"))
		if err != nil {
			continue
		}
		for _, line := range strings.Split(string(status), "\n") {
			if v, ok := strings.CutPrefix(line, "PPid:"); ok && strings.TrimSpace(v) == strconv.Itoa(pid) {
				out = append(out, child)
			}
		}
	}
	return out
}

// processAlive reports whether pid runs and is not a zombie (Linux; elsewhere false).
func processAlive(pid int) bool {
	status, err := os.ReadFile(filepath.Join("/proc", strconv.Itoa(pid), "status"))
	if err != nil {
		return false
	}
	return !strings.Contains(string(status), "State:\tZ")
}
