package main

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/govreport/govreport/internal/markdown"
	"github.com/govreport/govreport/internal/outline"
	"github.com/govreport/govreport/internal/report"
	"github.com/govreport/govreport/internal/site"
	"github.com/govreport/govreport/internal/source"
)

func init() {
	commands["import"] = command{"[-o DIR] [--force] [--slug SLUG] FILE",
		"import a report (.txt in any common encoding, or .docx) into DIR/content/reports/<slug>/index.md and print its review list",
		(*cli).importCmd}
	commands["outline"] = command{"FILE",
		"print the structure found in a report: level, marker, title and anchor, one line per heading, point or item",
		(*cli).outlineCmd}
	commands["fmt"] = command{"[PATH]",
		"rewrite Markdown content (default: content) in canonical form: normalised punctuation, anchors filled in",
		(*cli).fmtCmd}
	commands["lint"] = command{"[--strict] FILE|DIR",
		"list everything odd in a report or in content: normalisations, placeholders, numbering, truncation",
		(*cli).lintCmd}
}

func (c *cli) importCmd(args []string) error {
	fl := c.flags("import")
	out := fl.String("o", ".", "site `DIR` whose content/ receives the report")
	force := fl.Bool("force", false, "overwrite an existing index.md")
	slug := fl.String("slug", "", "page name (ASCII) instead of the one made from year and place")
	if err := parse(fl, args, 1); err != nil {
		return err
	}
	doc, findings, err := load(fl.Arg(0))
	if err != nil {
		return err
	}
	if *slug != "" {
		doc.Meta.Slug = *slug
	}
	origins, err := source.Origins(filepath.Dir(fl.Arg(0)))
	if err != nil {
		return err
	}
	if o, ok := origins[filepath.Base(fl.Arg(0))]; ok {
		doc.Meta.SourceURL = o.URL
	}
	if !site.ValidSlug(doc.Meta.Slug) {
		return fmt.Errorf("slug %q: use lower-case ASCII letters, digits and hyphens", doc.Meta.Slug)
	}
	if as, err := site.ImportedAs(*out, doc.Meta.Source); err != nil {
		return err
	} else if as != "" && as != doc.Meta.Slug {
		return fmt.Errorf("%s was imported before, as content/reports/%s: edit that report, or remove it to import the file again", fl.Arg(0), as)
	}
	path := filepath.Join(*out, "content", "reports", doc.Meta.Slug, "index.md")
	if _, err := os.Stat(path); err == nil && !*force {
		return fmt.Errorf("%s exists: pass --force to overwrite it", path)
	} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	if err := site.WriteFile(path, markdown.Write(doc)); err != nil {
		return err
	}
	c.printFindings(fl.Arg(0), findings)
	fmt.Fprintf(c.stderr, "wrote %s: %d blocks, %d findings\n", path, len(doc.Blocks), len(findings))
	return nil
}

func (c *cli) printFindings(path string, fs []report.Finding) {
	for _, f := range fs {
		fmt.Fprintln(c.stdout, f.Format(path))
	}
}

func (c *cli) outlineCmd(args []string) error {
	fl := c.flags("outline")
	if err := parse(fl, args, 1); err != nil {
		return err
	}
	doc, _, err := load(fl.Arg(0))
	if err != nil {
		return err
	}
	fmt.Fprint(c.stdout, outline.Format(doc))
	return nil
}

func (c *cli) fmtCmd(args []string) error {
	fl := c.flags("fmt")
	if err := fl.Parse(args); err != nil {
		return err
	}
	root := "content"
	if fl.NArg() > 0 {
		root = fl.Arg(0)
	}
	paths, err := files(root, isReportContent)
	if err != nil {
		return err
	}
	for _, p := range paths {
		if err := c.fmtFile(p); err != nil {
			return err
		}
	}
	return nil
}

// fmtFile rewrites one content file in canonical form if it is not already.
func (c *cli) fmtFile(path string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	doc, err := markdown.Parse(path, data)
	if err != nil {
		return err
	}
	findings := outline.Tidy(doc)
	markdown.FrontFindings(data, findings)
	c.printFindings(path, findings)
	for _, f := range findings {
		if f.Level == report.Error {
			return fmt.Errorf("%s not formatted: fix the errors above", path)
		}
	}
	out := markdown.Write(doc)
	if bytes.Equal(out, data) {
		return nil
	}
	fmt.Fprintln(c.stderr, "formatted", path)
	return site.WriteFile(path, out)
}

func (c *cli) lintCmd(args []string) error {
	fl := c.flags("lint")
	strict := fl.Bool("strict", false, "exit 1 on any placeholder or error: for the final publication")
	if err := parse(fl, args, 1); err != nil {
		return err
	}
	paths, err := files(fl.Arg(0), isReportFile)
	if err != nil {
		return err
	}
	blocking := 0
	for _, p := range paths {
		_, findings, err := load(p)
		if err != nil {
			return err
		}
		c.printFindings(p, findings)
		for _, f := range findings {
			if f.Level == report.Error || f.Code == "placeholder" {
				blocking++
			}
		}
	}
	if *strict && blocking > 0 {
		fmt.Fprintf(c.stderr, "%d placeholders or errors: not ready for publication\n", blocking)
		return exitError(1)
	}
	return nil
}
