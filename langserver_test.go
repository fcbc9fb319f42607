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
	mainTF := filepath.Join(dir, "main.tf")
	text, err := os.ReadFile(mainTF)
	if err != nil {
		t.Fatal(err)
	}

	cmd := exec.Command(tflint, "--langserver")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "TFLINT_PLUGIN_DIR="+pluginDir)
	stdin, _ := cmd.StdinPipe()
	stdout, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() {
		_ = stdin.Close()
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
	}()

	lsp := &lspClient{in: stdin, out: bufio.NewReader(stdout)}
	uri, rootURI := fileURI(mainTF), fileURI(dir)
	lsp.send(t, 1, "initialize", map[string]any{"processId": os.Getpid(), "rootUri": rootURI, "capabilities": map[string]any{}})
	lsp.send(t, 0, "initialized", map[string]any{})
	lsp.send(t, 0, "textDocument/didOpen", map[string]any{"textDocument": map[string]any{
		"uri": uri, "languageId": "terraform", "version": 1, "text": string(text),
	}})

	diags := lsp.waitForDiagnostics(t, "main.tf", 60*time.Second)
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
