package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"github.com/govreport/govreport/internal/pdf"
)

// govreport tu saves each report's 一图读懂 (reports/<slug>/tu.html, made by
// build) as one tall PNG, 1080 px wide, and links it from the page: a thin
// command over internal/pdf (TuSite, LinkTu), which drives the same
// headless Chromium as govreport pdf.

func init() {
	commands["tu"] = command{"[--root DIR] [-o DIR] [-j N] [SLUG…]",
		"save each report's 一图读懂 (reports/<slug>/tu.html of the built site; all, or the SLUGs) as one tall PNG, 1080 px wide, into public/reports/<slug>/<slug>-tu.png with headless Chromium, and link it from the page",
		(*cli).tuCmd}
}

func (c *cli) tuCmd(args []string) error {
	fl := c.flags("tu")
	root := fl.String("root", ".", "project `DIR` whose site was built (config.toml …)")
	out := fl.String("o", "public", "the built site `DIR`, as given to build")
	parallel := fl.Int("j", 2, "reports pictured at once, each in a tab of one browser")
	if err := parse(fl, args, -1); err != nil {
		return err
	}
	if _, err := os.Stat(filepath.Join(*root, "config.toml")); err != nil {
		return fmt.Errorf("%s has no config.toml: run govreport tu in a govreport project, or give it with --root", *root)
	}
	slugs := fl.Args()
	if len(slugs) == 0 {
		var err error
		if slugs, err = pdf.TuReports(*out); err != nil {
			return err
		}
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	start := time.Now()
	if err := pdf.TuSite(ctx, *out, slugs, pdf.Options{Parallel: *parallel, Logf: c.logf}); err != nil {
		return err
	}
	for _, s := range slugs {
		if _, err := pdf.LinkTu(*out, s); err != nil {
			return err
		}
	}
	c.logf("done      %6.0fms  %s", float64(time.Since(start).Microseconds())/1000, *out)
	return nil
}
