package main

import (
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/govreport/govreport/internal/testcorpus"
)

const seed = "../../sources/000_08af8ba22e60be61.txt"

func runCLI(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestImportFmtLint(t *testing.T) {
	dir := t.TempDir()
	code, out, errs := runCLI(t, "import", "-o", dir, seed)
	if code != 0 {
		t.Fatalf("import: %d %s", code, errs)
	}
	md := filepath.Join(dir, "content", "reports", "2023-xx-zhen", "index.md")
	first, err := os.ReadFile(md)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, seed+":1: info: removed the sharing site's header") && !strings.Contains(out, "(header)") {
		t.Errorf("import printed no review list:\n%.300s", out)
	}
	// Never overwrite without --force.
	if code, _, errs := runCLI(t, "import", "-o", dir, seed); code != 2 || !strings.Contains(errs, "--force") {
		t.Errorf("second import: %d %s", code, errs)
	}
	// The same file under another name would publish the report twice.
	if code, _, errs := runCLI(t, "import", "-o", dir, "--slug", "other", seed); code != 2 || !strings.Contains(errs, "reports/2023-xx-zhen") {
		t.Errorf("import --slug of an imported file: %d %s", code, errs)
	}
	// import → fmt is a no-op.
	if code, _, errs := runCLI(t, "fmt", filepath.Join(dir, "content")); code != 0 || strings.Contains(errs, "formatted") {
		t.Errorf("fmt after import: %d %s", code, errs)
	}
	if again, _ := os.ReadFile(md); !bytes.Equal(again, first) {
		t.Error("fmt changed imported content")
	}
	// lint --strict fails on the seed's placeholders; plain lint does not.
	if code, out, _ := runCLI(t, "lint", "--strict", md); code != 1 || !strings.Contains(out, "placeholder") {
		t.Errorf("lint --strict: %d", code)
	}
	if code, _, _ := runCLI(t, "lint", filepath.Join(dir, "content")); code != 0 {
		t.Errorf("lint: %d", code)
	}
}

func TestFmtFillsAndNormalises(t *testing.T) {
	dir := t.TempDir()
	md := filepath.Join(dir, "reports", "x", "index.md")
	if err := os.MkdirAll(filepath.Dir(md), 0o755); err != nil {
		t.Fatal(err)
	}
	in := "+++\ntitle = \"2023年青山镇政府工作报告\"\nyear = 2023\n+++\n\n## 一、工作回顾\n\n全年完成财政收入1200万元,同比增长5%。\n\n**一是经济向好**。产值增长(见附表)。\n{#mine}\n"
	if err := os.WriteFile(md, []byte(in), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, errs := runCLI(t, "fmt", dir); code != 0 {
		t.Fatal(errs)
	}
	got, _ := os.ReadFile(md)
	for _, want := range []string{"## 一、工作回顾 {#s1}", "1200万元，同比增长5%。\n{#s1-p1}", "产值增长（见附表）。\n{#mine}"} {
		if !strings.Contains(string(got), want) {
			t.Errorf("fmt output lacks %q:\n%s", want, got)
		}
	}
	runCLI(t, "fmt", dir)
	if again, _ := os.ReadFile(md); !bytes.Equal(again, got) {
		t.Error("fmt is not idempotent")
	}
}

// TestFmtHardWrapped: a paragraph an editor wrapped by hand is joined as
// Hugo shows it, and a continuation line that looks like Markdown (a list,
// a setext underline) stays text.
func TestFmtHardWrapped(t *testing.T) {
	dir := t.TempDir()
	md := filepath.Join(dir, "reports", "x", "index.md")
	in := "+++\ntitle = \"青山镇政府工作报告\"\nyear = 2023\n+++\n\n全年完成财政收入1200万元，\n\\- 同比增长5%。\n\n第二段\n1\\. 同比增长。\n\n第三段\n\\---\n"
	if err := os.MkdirAll(filepath.Dir(md), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(md, []byte(in), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, errs := runCLI(t, "fmt", dir); code != 0 {
		t.Fatal(errs)
	}
	got, _ := os.ReadFile(md)
	for _, want := range []string{"全年完成财政收入1200万元，- 同比增长5%。\n{#p1}", "第二段1. 同比增长。\n{#p2}", "第三段---\n{#p3}"} {
		if !strings.Contains(string(got), want) {
			t.Errorf("fmt output lacks %q:\n%s", want, got)
		}
	}
	if code, out, errs := runCLI(t, "lint", dir); code != 0 || strings.Contains(out, "error") {
		t.Errorf("lint after fmt: %d %s %s", code, out, errs)
	}
}

func TestOutline(t *testing.T) {
	code, out, _ := runCLI(t, "outline", seed)
	if code != 0 {
		t.Fatal(code)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if lines[0] != "1\t\t2023年XX镇政府工作报告\t" || lines[1] != "2\t一、\t2023年工作回顾\ts1" {
		t.Errorf("outline starts %q", lines[:2])
	}
}

// TestBadInput: a clear error, status 2, nothing written, never a panic.
func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	cases := map[string][]byte{
		"empty.txt":     {},
		"binary.txt":    {0, 1, 2, 3, 0xff, 0xfe, 0, 0, 7, 8},
		"latin1.txt":    []byte("Caf\xe9 \xe0 la cr\xe8me \xff\xfe\xfd"),
		"no-report.txt": []byte("This is a shopping list.\nMilk\nEggs\n"),
		"trunc.docx":    []byte("PK\x03\x04\x14\x00\x00\x00\x08\x00"),
		"old.doc":       {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1},
		"huge.txt":      []byte("2023年青山镇政府工作报告\n" + strings.Repeat("全年完成财政收入1200万元。\n", 40000)), // over source.MaxText
	}
	for name, data := range cases {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		out := filepath.Join(dir, "site-"+name)
		code, _, errs := runCLI(t, "import", "-o", out, path)
		if code != 2 || !strings.Contains(errs, name) {
			t.Errorf("%s: exit %d, stderr %q", name, code, errs)
		}
		if _, err := os.Stat(out); err == nil {
			t.Errorf("%s: output written for bad input", name)
		}
	}
}

// writeContent writes a report's content file under dir as fmt and lint
// find it, and returns its path.
func writeContent(t *testing.T, dir, text string) string {
	t.Helper()
	md := filepath.Join(dir, "reports", "x", "index.md")
	if err := os.MkdirAll(filepath.Dir(md), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(md, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return md
}

// TestFmtDates (issue 8 item 9): fmt writes a date written as a person
// would as YYYY-MM-DD, saying so at its line, and never writes invalid
// TOML (it wrote date = 2024/01/27 from date = "2024/01/27"); lint reports
// a portal date it cannot read as an error at its line.
func TestFmtDates(t *testing.T) {
	for _, date := range []string{`"2024/01/27"`, `2024/1/27`, `2024年1月27日`, `"2024.1.27"`} {
		dir := t.TempDir()
		md := writeContent(t, dir, "+++\ntitle = \"2023年青山镇政府工作报告\"\ndate = "+date+"\nyear = 2023\n+++\n\n全年完成财政收入1200万元。\n")
		code, out, errs := runCLI(t, "fmt", dir)
		if code != 0 {
			t.Errorf("fmt date = %s: %d %s", date, code, errs)
			continue
		}
		if !strings.Contains(out, md+":3: info: date ") {
			t.Errorf("fmt date = %s printed no finding at line 3:\n%s", date, out)
		}
		got, _ := os.ReadFile(md)
		if !strings.Contains(string(got), "\ndate = 2024-01-27\n") {
			t.Errorf("fmt date = %s wrote\n%s", date, got)
		}
	}
	dir := t.TempDir()
	md := writeContent(t, dir, "+++\ntitle = \"2023年青山镇政府工作报告\"\ndate = 2024-01-27\nyear = 2023\npub_date = \"2024年2月30日\"\n+++\n\n全年完成财政收入1200万元。\n")
	if code, out, _ := runCLI(t, "lint", "--strict", md); code != 1 || !strings.Contains(out, md+":5: error: pub_date") {
		t.Errorf("lint of an impossible pub_date: %d\n%s", code, out)
	}
	md = writeContent(t, dir, "+++\ntitle = \"x\"\ndate = 2024年13月1日\n+++\n\n正文。\n")
	for _, cmd := range []string{"fmt", "lint"} {
		if code, _, errs := runCLI(t, cmd, md); code != 2 || !strings.Contains(errs, md+":3: front matter: date") || !strings.Contains(errs, "YYYY-MM-DD") {
			t.Errorf("%s of date = 2024年13月1日: %d %s", cmd, code, errs)
		}
	}
}

// TestContentControlCharacters (issue 8 item 12): fmt and lint refuse a
// control character in content, naming the file and line, and change
// nothing.
func TestContentControlCharacters(t *testing.T) {
	dir := t.TempDir()
	in := "+++\ntitle = \"x\"\n+++\n\n第一段。\n\n第二\x00段。\n"
	md := writeContent(t, dir, in)
	for _, cmd := range []string{"fmt", "lint"} {
		code, _, errs := runCLI(t, cmd, md)
		if code != 2 || !strings.Contains(errs, md+":7: control character U+0000") {
			t.Errorf("%s: %d %s", cmd, code, errs)
		}
	}
	if got, _ := os.ReadFile(md); string(got) != in {
		t.Error("fmt changed a file it refused")
	}
}

func TestHelp(t *testing.T) {
	code, out, _ := runCLI(t, "help")
	for _, c := range []string{"import", "outline", "fmt", "lint"} {
		if !strings.Contains(out, c) {
			t.Errorf("help lacks %s", c)
		}
	}
	if code != 0 {
		t.Error(code)
	}
	if code, _, _ := runCLI(t, "frobnicate"); code != 2 {
		t.Errorf("unknown command exit %d", code)
	}
}

func TestIndicators(t *testing.T) {
	code, out, _ := runCLI(t, "indicators", seed)
	if code != 0 {
		t.Fatal(code)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) < 100 || !strings.HasPrefix(lines[0], "anchor\tlabel\tvalue") {
		t.Errorf("%d lines, header %q", len(lines), lines[0])
	}
	if !strings.Contains(out, "s1-1-1\t财政收入\tnull\t万元\t\ttrue\tactual") {
		t.Errorf("no redacted 财政收入 row in:\n%.500s", out)
	}
	if code, out, _ := runCLI(t, "indicators", "--format", "csv", seed); code != 0 || !strings.HasPrefix(out, "\ufeff") {
		t.Errorf("csv: %d, starts %q", code, out[:min(10, len(out))])
	}
	if code, _, _ := runCLI(t, "indicators", "--format", "xml", seed); code != 2 {
		t.Errorf("bad format: exit %d", code)
	}
}

// TestServe: serve builds the project, serves it, and rebuilds when the
// content changes; it refuses to listen beyond loopback.
func TestServe(t *testing.T) {
	if code, _, errs := runCLI(t, "serve", "--addr", "0.0.0.0:1313"); code != 2 || !strings.Contains(errs, "loopback") {
		t.Errorf("serve on 0.0.0.0: %d %s", code, errs)
	}
	root := t.TempDir()
	if err := testcorpus.Project(root, true); err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	var errb bytes.Buffer
	c := &cli{io.Discard, &lockedWriter{w: &errb}}
	done := make(chan error)
	go func() { done <- c.serve(ctx, root, ln) }()
	page := "http://" + ln.Addr().String() + "/reports/2023-xx-zhen.html"
	waitFor(t, page, "2023年XX镇政府工作报告")
	md := filepath.Join(root, "content", "reports", "2023-xx-zhen", "index.md")
	data, _ := os.ReadFile(md)
	edited := strings.Replace(string(data), "现在，我代表", "现在，我谨代表", 1)
	if err := os.WriteFile(md, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	waitFor(t, page, "现在，我谨代表")
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}

// waitFor polls url until its body contains want, for up to 20 seconds.
func waitFor(t *testing.T, url, want string) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if resp, err := http.Get(url); err == nil {
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if strings.Contains(string(body), want) {
				return
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("%s never showed %q", url, want)
}

type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}
