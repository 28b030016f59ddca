package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/govreport/govreport/internal/pdf"
)

// pdfProject lays out a project with a built site of one report, made by
// hand: its page with the PDF slot and its print version.
func pdfProject(t *testing.T) (root, pub string) {
	t.Helper()
	root = t.TempDir()
	pub = filepath.Join(root, "public")
	files := map[string]string{
		"config.toml":                      "",
		"public/reports/2023-qs-zhen.html": `<p class=tl><a href=2023-qs-zhen/index.md>原文（Markdown）</a><span id=pdf></span> · <a href=../index.html#sj>数据说明</a>`,
		"public/reports/2023-qs-zhen/print.html": `<!doctype html><html lang=zh-CN><title>2023年青山镇政府工作报告</title>` +
			`<meta name=author content="青山镇人民政府"><meta name=PubDate content="2024-01-20 00:00">` +
			`<body><h1>2023年青山镇政府工作报告</h1><h2>一、工作回顾</h2><p>青山镇全年完成财政收入XX万元。`,
	}
	for name, data := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root, pub
}

func TestPDFRefuses(t *testing.T) {
	root, pub := pdfProject(t)
	t.Setenv("CHROME_PATH", filepath.Join(root, "no-such-browser"))
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"pdf", "--root", filepath.Join(root, "public")}, "has no config.toml"},
		{[]string{"pdf", "--root", root, "-o", filepath.Join(root, "nothing")}, "build the site first"},
		{[]string{"pdf", "--root", root, "-o", pub, "2021-none"}, "no print version"},
		{[]string{"pdf", "--root", root, "-o", pub, "../x"}, "not a report slug"},
		{[]string{"pdf", "--root", root, "-o", pub}, "apt-get install chromium"},
	} {
		code, _, errs := runCLI(t, c.args...)
		if code != 2 || !strings.Contains(errs, c.want) {
			t.Errorf("%v: exit %d, %s; want 2 and %q", c.args, code, errs, c.want)
		}
	}
	if _, err := os.Stat(filepath.Join(pub, "reports", "2023-qs-zhen", "2023-qs-zhen.pdf")); err == nil {
		t.Error("a PDF was written")
	}
}

func TestPDF(t *testing.T) {
	if _, err := pdf.Chromium(); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%v (CI=true: .ci/run should have installed it)", err)
		}
		t.Skipf("%v — skipped", err)
	}
	root, pub := pdfProject(t)
	code, _, errs := runCLI(t, "pdf", "--root", root, "-o", pub)
	if code != 0 {
		t.Fatalf("pdf: exit %d\n%s", code, errs)
	}
	file := filepath.Join(pub, "reports", "2023-qs-zhen", "2023-qs-zhen.pdf")
	data, err := os.ReadFile(file)
	if err != nil || !strings.HasPrefix(string(data), "%PDF-1.5") {
		t.Fatalf("no PDF: %v", err)
	}
	if !strings.Contains(errs, file) {
		t.Errorf("the log does not name %s:\n%s", file, errs)
	}
	page, _ := os.ReadFile(filepath.Join(pub, "reports", "2023-qs-zhen.html"))
	if !strings.Contains(string(page), `<span id=pdf> · <a href="2023-qs-zhen/2023-qs-zhen.pdf" download>PDF（`) {
		t.Errorf("the report page does not link the PDF:\n%s", page)
	}
}
