package main

import (
	"bytes"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/govreport/govreport/internal/pdf"
)

// The picture itself — its pixels against a reviewed golden title band,
// its palette, its texts, its bytes taken twice — is tested where it is
// made, in internal/pdf (picture_test.go); here, the command over it.

// needChromium skips without Chromium, except under CI=true, where its
// absence fails the test.
func needChromium(t testing.TB) {
	t.Helper()
	if _, err := pdf.Chromium(); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%v (CI=true: .ci/run should have installed it)", err)
		}
		t.Skipf("%v — skipped", err)
	}
}

// tuPage is a small 一图读懂 as the layout makes it: the slot for the
// download, then the picture.
const tuPage = `<!doctype html><html lang=zh-CN><title>一图读懂：2023年青山镇政府工作报告</title><body><main id=main>` +
	`<p class=tl><a href=../2023-qs-zhen.html>返回报告全文</a><span id=png></span><div id=tu><h1>2023年青山镇政府工作报告</h1>` +
	`<h2>一、2023年工作回顾</h2><p>地区生产总值<b>12.5亿元</b><p class=src>本图数据来自《2023年青山镇政府工作报告》。</div></main>`

func TestTuRefuses(t *testing.T) {
	root, pub := pdfProject(t) // a built site with no 一图读懂
	t.Setenv("CHROME_PATH", filepath.Join(root, "no-such-browser"))
	page := filepath.Join(pub, "reports", "2023-qs-zhen", "tu.html")
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"tu", "--root", pub}, "has no config.toml"},
		{[]string{"tu", "--root", root, "-o", filepath.Join(root, "nothing")}, "build the site first"},
		{[]string{"tu", "--root", root, "-o", pub, "2023-qs-zhen"}, "no 一图读懂 page"},
		{[]string{"tu", "--root", root, "-o", pub, "../x"}, "not a report slug"},
	} {
		code, _, errs := runCLI(t, c.args...)
		if code != 2 || !strings.Contains(errs, c.want) {
			t.Errorf("%v: exit %d, %s; want 2 and %q", c.args, code, errs, c.want)
		}
	}
	if err := os.WriteFile(page, []byte(tuPage), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, errs := runCLI(t, "tu", "--root", root, "-o", pub); code != 2 || !strings.Contains(errs, "apt-get install chromium") {
		t.Errorf("no browser: exit %d, %s", code, errs)
	}
	if _, err := os.Stat(pdf.TuPNG(pub, "2023-qs-zhen")); err == nil {
		t.Error("a picture was written")
	}
}

// TestTuCmd: govreport tu pictures every 一图读懂 of the built site, names
// each PNG in its log and links it from the page.
func TestTuCmd(t *testing.T) {
	needChromium(t)
	root, pub := pdfProject(t)
	const slug = "2023-qs-zhen"
	if err := os.WriteFile(pdf.TuPage(pub, slug), []byte(tuPage), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errs := runCLI(t, "tu", "--root", root, "-o", pub, "-j", "1")
	if code != 0 {
		t.Fatalf("tu: exit %d\n%s", code, errs)
	}
	file := pdf.TuPNG(pub, slug)
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(errs, file) || !strings.Contains(errs, "done") {
		t.Errorf("the log does not name %s:\n%s", file, errs)
	}
	if cfg, err := png.DecodeConfig(bytes.NewReader(data)); err != nil || cfg.Width != pdf.TuWidth {
		t.Errorf("picture %+v, %v; want %d px wide", cfg, err, pdf.TuWidth)
	}
	page, _ := os.ReadFile(pdf.TuPage(pub, slug))
	if !strings.Contains(string(page), `<span id=png> · <a href="`+slug+`-tu.png" download>下载长图（PNG，`) {
		t.Errorf("the page does not link its picture:\n%s", page)
	}
}
