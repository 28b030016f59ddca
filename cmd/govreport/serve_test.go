package main

import (
	"context"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/govreport/govreport/internal/pdf"
	"github.com/govreport/govreport/internal/synth"
	"github.com/govreport/govreport/internal/testcorpus"
)

// TestServeReload: an editor's save is in the browser, which reloads the
// page by itself, soon after: serve polls the inputs, rebuilds only what
// the edit touches and keeps the last search index until the pages are up.
// The time is logged; GOVREPORT_SERVE_N sets the archive's size (the
// issue's figure is for 1,000 reports; CI builds 100).
func TestServeReload(t *testing.T) {
	if testing.Short() {
		t.Skip("builds an archive and starts a browser")
	}
	exe, err := pdf.Chromium()
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal(err)
		}
		t.Skip(err)
	}
	n := 100
	if s := os.Getenv("GOVREPORT_SERVE_N"); s != "" {
		if n, err = strconv.Atoi(s); err != nil {
			t.Fatal(err)
		}
	}
	root := filepath.Join(t.TempDir(), "archive")
	if err := synth.Project(testcorpus.Root(), root, n, 10); err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	var errb lockedWriter
	errb.w = &strings.Builder{}
	c := &cli{&strings.Builder{}, &errb}
	done := make(chan error)
	go func() { done <- c.serve(ctx, root, ln) }()
	defer func() {
		cancel()
		if err := <-done; err != nil {
			t.Error(err)
		}
	}()
	paths, _ := filepath.Glob(filepath.Join(root, "content", "reports", "*", "index.md"))
	slug := filepath.Base(filepath.Dir(paths[len(paths)/2]))
	page := "http://" + ln.Addr().String() + "/reports/" + slug + ".html"
	waitFor(t, page, "政府工作报告")

	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(exe), chromedp.Headless, chromedp.NoSandbox,
		chromedp.DisableGPU, chromedp.NoFirstRun, chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true))
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelAlloc()
	tab, closeTab := chromedp.NewContext(actx)
	defer closeTab()
	tab, stop := context.WithTimeout(tab, 2*time.Minute)
	defer stop()
	if err := chromedp.Do(tab, chromedp.Navigate(page)); err != nil {
		t.Fatal(err)
	}
	time.Sleep(500 * time.Millisecond) // the page's event stream is open
	md := paths[len(paths)/2]
	data, err := os.ReadFile(md)
	if err != nil {
		t.Fatal(err)
	}
	const mark = "（本段为编辑新加）"
	start := time.Now()
	if err := os.WriteFile(md, append(data, "\n"+mark+"\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	for {
		text, err := chromedp.Run(tab, chromedp.Evaluate[string](`document.body ? document.body.innerText : ""`))
		if err == nil && strings.Contains(text, mark) {
			break
		}
		if time.Since(start) > time.Minute {
			t.Fatalf("the edit never reached the browser:\n%s", errb.w)
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Logf("%d reports: an edit reached the browser after %v", n, time.Since(start).Round(time.Millisecond))
	if testing.Verbose() {
		t.Logf("serve log:\n%s", errb.w)
	}
}
