package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/gohugoio/hugo/parser/metadecoders"

	"github.com/govreport/govreport/internal/bag"
	"github.com/govreport/govreport/internal/markdown"
)

func init() {
	commands["archive"] = command{"[--root DIR] [-o FILE.zip]",
		"pack the built site, data, content and sources as a BagIt bag in a reproducible zip",
		(*cli).archiveCmd}
	commands["verify"] = command{"FILE.zip|DIR",
		"check an archive against its manifests: missing, extra and altered files by name (exit 1), unreadable or unsafe (exit 2)",
		(*cli).verifyCmd}
}

// archived are the project folders an archive holds, under data/ with the
// same names; the optional ones are left out when the project has none.
var archived = []struct {
	dir      string
	required string // what to do when it is missing; "" if optional
}{
	{"public", "run govreport build first"},
	{"data", ""},
	{"content", "a govreport project has its reports in content/reports"},
	{"sources", ""},
}

func (c *cli) archiveCmd(args []string) error {
	fl := c.flags("archive")
	root := fl.String("root", ".", "project `DIR` (config.toml, public/, data/, content/, sources/)")
	out := fl.String("o", "", "the zip `FILE` (default DIR/govreport-archive-<date>.zip, <date> the newest date in the reports' front matter)")
	if err := parse(fl, args, 0); err != nil {
		return err
	}
	start := time.Now()
	proj, err := readConfig(*root)
	if err != nil {
		return err
	}
	p, counts, err := listPayload(*root)
	if err != nil {
		return err
	}
	if err := proj.readReports(*root); err != nil {
		return err
	}
	name := "govreport-archive-" + proj.date.Format(time.DateOnly)
	if *out == "" {
		*out = filepath.Join(*root, name+".zip")
	}
	opts := bag.Options{Name: name, Date: proj.date, Info: proj.info(len(p.Files), counts)}
	sum, err := bag.WriteFile(*out, p, opts)
	if err != nil {
		return err
	}
	reports := fmt.Sprintf("%d reports", proj.reports)
	if proj.reports == 1 {
		reports = "1 report"
	}
	c.logf("archive   %6.0fms  %s: %s, %d files, %d bytes → %d-byte zip, dated %s",
		float64(time.Since(start).Microseconds())/1000, *out, reports, sum.Files, sum.Bytes, sum.Size, proj.date.Format(time.DateOnly))
	return nil
}

// listPayload lists the files of the archived folders under root, and
// says how many each gave ("public 12").
func listPayload(root string) (*bag.Payload, []string, error) {
	p := &bag.Payload{}
	var counts []string
	for _, a := range archived {
		dir := filepath.Join(root, a.dir)
		if _, err := os.Stat(dir); errors.Is(err, os.ErrNotExist) {
			if a.required == "" {
				continue
			}
			return nil, nil, fmt.Errorf("%s: no such folder: %s", dir, a.required)
		} else if err != nil {
			return nil, nil, err
		}
		before := len(p.Files)
		if err := p.AddDir(dir, a.dir); err != nil {
			return nil, nil, err
		}
		counts = append(counts, fmt.Sprintf("%s %d", a.dir, len(p.Files)-before))
	}
	return p, counts, nil
}

// project is what an archive's bag-info.txt says about the project.
type project struct {
	org, title string
	reports    int
	date       time.Time // the newest date in the reports' front matter
}

// readConfig reads the site's identity from config.toml.
func readConfig(root string) (*project, error) {
	cfgFile := filepath.Join(root, "config.toml")
	data, err := os.ReadFile(cfgFile)
	if err != nil {
		return nil, fmt.Errorf("%s has no config.toml: run govreport archive in a govreport project, or give it with --root", root)
	}
	cfg, err := metadecoders.Default.UnmarshalToMap(data, metadecoders.TOML)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", cfgFile, err)
	}
	params, _ := cfg["params"].(map[string]any)
	return &project{org: firstText(params, "organizer", "sitename"), title: firstText(cfg, "title")}, nil
}

// readReports counts and dates the reports in root's content/reports.
func (proj *project) readReports(root string) error {
	paths, _ := filepath.Glob(filepath.Join(root, "content", "reports", "*", "index.md"))
	sort.Strings(paths)
	for _, path := range paths {
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		meta, err := markdown.ParseMeta(path, data)
		if err != nil {
			return err
		}
		proj.reports++
		for _, d := range []string{meta.Date, meta.WrittenDate, meta.PubDate} {
			if t, err := time.Parse(time.DateOnly, d); err == nil && t.After(proj.date) {
				proj.date = t
			}
		}
	}
	if proj.date.IsZero() {
		return fmt.Errorf("%s: no report has a date (date = YYYY-MM-DD in its front matter) to date the archive by", filepath.Join(root, "content", "reports"))
	}
	return nil
}

// firstText returns the first of keys that m holds as non-empty text.
func firstText(m map[string]any, keys ...string) string {
	for _, k := range keys {
		if s, ok := m[k].(string); ok && strings.TrimSpace(s) != "" {
			return strings.Join(strings.Fields(s), " ")
		}
	}
	return ""
}

// info returns the bag-info.txt elements the project gives; the bag
// package adds Bagging-Date and Payload-Oxum.
func (p *project) info(files int, counts []string) []bag.Field {
	var out []bag.Field
	if p.org != "" {
		out = append(out, bag.Field{Label: "Source-Organization", Value: p.org})
	}
	return append(out,
		bag.Field{Label: "External-Description", Value: fmt.Sprintf("%s%s存档：发布的网站 data/public/，指标数据 data/data/，报告内容 data/content/，原始文件 data/sources/", p.org, p.title)},
		bag.Field{Label: "Report-Count", Value: fmt.Sprint(p.reports)},
		bag.Field{Label: "File-Count", Value: fmt.Sprintf("%d (%s)", files, strings.Join(counts, ", "))},
		bag.Field{Label: "Bag-Software-Agent", Value: "govreport archive"},
	)
}

func (c *cli) verifyCmd(args []string) error {
	fl := c.flags("verify")
	if err := parse(fl, args, 1); err != nil {
		return err
	}
	path := fl.Arg(0)
	res, err := bag.Verify(path)
	if err != nil {
		return err
	}
	for _, p := range res.Problems {
		fmt.Fprintf(c.stdout, "%s: %s\n", path, p)
	}
	if !res.OK() {
		noun := "problems"
		if len(res.Problems) == 1 {
			noun = "problem"
		}
		fmt.Fprintf(c.stdout, "%s: %d %s (%d payload files read back)\n", path, len(res.Problems), noun, res.Files)
		return exitError(1)
	}
	fmt.Fprintf(c.stdout, "%s: ok, %d payload files, %d bytes, every SHA-256 as in the manifests\n", path, res.Files, res.Bytes)
	return nil
}
