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

func init() {
	commands["pdf"] = command{"[--root DIR] [-o DIR] [SLUG…]",
		"print each report of the built site (all, or the SLUGs) into public/reports/<slug>/<slug>.pdf with headless Chromium, and link it from the report page",
		(*cli).pdfCmd}
}

func (c *cli) pdfCmd(args []string) error {
	fl := c.flags("pdf")
	root := fl.String("root", ".", "project `DIR` whose site was built (config.toml …)")
	out := fl.String("o", "public", "the built site `DIR`, as given to build")
	parallel := fl.Int("j", 2, "reports printed at once, each in a tab of one browser")
	if err := parse(fl, args, -1); err != nil {
		return err
	}
	if _, err := os.Stat(filepath.Join(*root, "config.toml")); err != nil {
		return fmt.Errorf("%s has no config.toml: run govreport pdf in a govreport project, or give it with --root", *root)
	}
	slugs := fl.Args()
	if len(slugs) == 0 {
		slugs = nil // every report
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	start := time.Now()
	if err := pdf.PrintSite(ctx, *out, slugs, pdf.Options{Parallel: *parallel, Logf: c.logf}); err != nil {
		return err
	}
	if err := pdf.LinkSite(*out, slugs); err != nil {
		return err
	}
	c.logf("done      %6.0fms  %s", float64(time.Since(start).Microseconds())/1000, *out)
	return nil
}
