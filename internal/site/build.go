package site

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/govreport/govreport/internal/indicator"
	"github.com/govreport/govreport/internal/markdown"
	"github.com/govreport/govreport/internal/outline"
	"github.com/govreport/govreport/internal/report"
)

// BuildOptions configure Build.
type BuildOptions struct {
	Root    string                           // project: config.toml, sources/, content/, layouts/, static/, data/
	Out     string                           // the site directory, replaced only when the build succeeds
	BaseURL string                           // where the site will live, for canonical links; "" keeps config.toml's
	Logf    func(format string, args ...any) // one line per stage; may be nil
}

// Page is one report of the site, as read back from its content.
type Page struct {
	Path string // content file
	Doc  *report.Doc
}

// Build makes the site. It works on a copy of the project: imports the
// sources that have no content yet, puts the content in canonical form
// (anchors filled in), writes the indicator data files, runs Hugo, adds the
// downloads and minifies. Only when all of that succeeded does it write the
// new content and data back into the project and replace Out: a failed
// build changes nothing.
func Build(ctx context.Context, opts BuildOptions) error {
	logf := opts.Logf
	if logf == nil {
		logf = func(string, ...any) {}
	}
	if err := checkProject(opts); err != nil {
		return err
	}
	out := filepath.Clean(absOrSelf(opts.Out))
	tmp, err := os.MkdirTemp(filepath.Dir(out), ".public-new-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	work := filepath.Join(tmp, "project")
	if err := stages(ctx, opts, work, filepath.Join(tmp, "public"), out, logf); err != nil {
		return inProject(err, work, opts.Root)
	}
	return nil
}

// checkProject reports a root that is no project and a --baseURL that is
// neither a path nor an address, before anything is written.
func checkProject(opts BuildOptions) error {
	if _, err := os.Stat(filepath.Join(opts.Root, "config.toml")); err != nil {
		return fmt.Errorf("%s has no config.toml: run govreport build in a govreport project, or give it with --root", opts.Root)
	}
	if b := opts.BaseURL; b != "" && (!strings.HasPrefix(b, "/") || strings.HasPrefix(b, "//")) && !strings.HasPrefix(b, "https://") && !strings.HasPrefix(b, "http://") {
		return fmt.Errorf("--baseURL %q: give the path the site is served under (/xxgk/zfgzbg/) or its whole address (https://www.example.gov.cn/xxgk/zfgzbg/)", b)
	}
	return nil
}

// inProject names the project's own files in an error about the copy the
// build works on: content/reports/x/index.md, not a temporary directory.
func inProject(err error, work, root string) error {
	prefix := ""
	if root != "." && root != "" {
		prefix = filepath.Clean(root) + string(filepath.Separator)
	}
	msg := strings.ReplaceAll(err.Error(), work+string(filepath.Separator), prefix)
	return errors.New(strings.ReplaceAll(msg, work, filepath.Clean(root)))
}

// stages runs the build in work, a copy of the project, into public, and
// publishes public as out.
func stages(ctx context.Context, opts BuildOptions, work, public, out string, logf func(string, ...any)) error {
	stage := func(name string, start time.Time, format string, args ...any) {
		logf("%-9s %6.0fms  %s", name, float64(time.Since(start).Microseconds())/1000, fmt.Sprintf(format, args...))
	}
	t := time.Now()
	edits := FileStamps(filepath.Join(opts.Root, "content")) // to leave alone what an editor saves meanwhile
	if err := copyProject(opts.Root, work); err != nil {
		return err
	}
	n, err := importSources(opts.Root, work)
	if err != nil {
		return err
	}
	stage("import", t, "%s from sources/", plural(n, "new report"))

	t = time.Now()
	pages, findings, err := ReadContent(work)
	if err != nil {
		return err
	}
	stage("content", t, "%s read, anchors checked", plural(len(pages), "report"))
	logf("review    %s", review(findings))

	t = time.Now()
	if err := writeData(work, pages); err != nil {
		return err
	}
	stage("data", t, "indicators for data/indicators/")

	t = time.Now()
	if err := Hugo(ctx, Options{Root: work, Dest: public, PublicURL: opts.BaseURL, Logf: logf}); err != nil {
		return err
	}
	stage("hugo", t, "rendered")

	t = time.Now()
	if err := writeDownloads(public, pages); err != nil {
		return err
	}
	if err := markPlaceholders(public); err != nil {
		return err
	}
	before, after, err := minifyTree(public)
	if err != nil {
		return err
	}
	stage("minify", t, "%d → %d bytes", before, after)

	t = time.Now()
	if err := syncBack(work, opts.Root, edits); err != nil {
		return err
	}
	if err := replaceDir(public, out); err != nil {
		return err
	}
	stage("publish", t, "%s", opts.Out)
	return nil
}

func absOrSelf(p string) string {
	if a, err := filepath.Abs(p); err == nil {
		return a
	}
	return p
}

// projectParts are what Hugo reads from a project; Build copies them.
var projectParts = []string{"config.toml", "content", "layouts", "static", "data", "assets", "i18n", "archetypes"}

// copyProject copies root's Hugo inputs into dir.
func copyProject(root, dir string) error {
	for _, part := range projectParts {
		from := filepath.Join(root, part)
		info, err := os.Stat(from)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			continue
		case err != nil:
			return err
		case info.IsDir():
			err = os.CopyFS(filepath.Join(dir, part), os.DirFS(from))
		default:
			var data []byte
			if data, err = os.ReadFile(from); err == nil {
				err = WriteFile(filepath.Join(dir, part), data)
			}
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// syncBack writes what the build made in the working copy into the
// project: new or reformatted report content, and data/indicators with
// the files of reports that are gone removed.
func syncBack(work, root string, edits map[string]string) error {
	content := filepath.Join(root, "content")
	savedSince := func(dst string) bool { // an editor saved it while the build ran
		rel, _ := filepath.Rel(content, dst)
		now := FileStamps(dst)[""]
		return now != "" && now != edits[rel]
	}
	if err := syncDir(filepath.Join(work, "content"), content, false, savedSince); err != nil {
		return err
	}
	return syncDir(filepath.Join(work, "data", "indicators"), filepath.Join(root, "data", "indicators"), true, nil)
}

// FileStamps returns the size and modification time of each file under
// path (or of path itself, under ""), by path relative to it: what tells
// that a file was saved again.
func FileStamps(path string) map[string]string {
	m := map[string]string{}
	_ = filepath.WalkDir(path, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		if info, err := d.Info(); err == nil {
			rel, _ := filepath.Rel(path, p)
			if rel == "." {
				rel = ""
			}
			m[rel] = fmt.Sprintf("%d:%d", info.Size(), info.ModTime().UnixNano())
		}
		return nil
	})
	return m
}

func syncDir(src, dst string, prune bool, skip func(dst string) bool) error {
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if old, err := os.ReadFile(filepath.Join(dst, rel)); err == nil && bytes.Equal(old, data) {
			return nil
		}
		if skip != nil && skip(filepath.Join(dst, rel)) {
			return nil
		}
		return WriteFile(filepath.Join(dst, rel), data)
	})
	if err != nil || !prune {
		return err
	}
	return filepath.WalkDir(dst, func(p string, d fs.DirEntry, err error) error {
		if errors.Is(err, fs.ErrNotExist) || err != nil || d.IsDir() {
			return nil
		}
		rel, _ := filepath.Rel(dst, p)
		if _, err := os.Stat(filepath.Join(src, rel)); errors.Is(err, fs.ErrNotExist) {
			return os.Remove(p)
		}
		return nil
	})
}

// isSource reports whether a file in sources/ is one import reads.
func isSource(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".txt", ".docx", ".doc", ".wps":
		return !strings.HasPrefix(name, ".")
	}
	return false
}

// importSources imports every report in root/sources that has no content
// in work yet, into work, and returns how many it wrote. A source has
// content when a report's front matter names it (source = "…"), or, for
// content written before that, when its page exists. Two sources that
// would make the same page are an error: one would hide the other.
func importSources(root, work string) (int, error) {
	entries, err := os.ReadDir(filepath.Join(root, "sources"))
	if errors.Is(err, fs.ErrNotExist) {
		return 0, nil
	} else if err != nil {
		return 0, err
	}
	imported, err := readImported(work)
	if err != nil {
		return 0, err
	}
	bySlug := map[string]string{}
	n := 0
	for _, e := range entries {
		if e.IsDir() || !isSource(e.Name()) || imported.bySource[e.Name()] != "" {
			continue
		}
		path := filepath.Join(root, "sources", e.Name())
		data, err := os.ReadFile(path)
		if err != nil {
			return n, err
		}
		doc, _, err := outline.Import(path, data)
		if err != nil {
			return n, err
		}
		if imported.legacy[legacyKey(doc.Meta)] {
			continue // imported before sources were named
		}
		slug := doc.Meta.Slug
		if other, ok := bySlug[slug]; ok {
			return n, fmt.Errorf("%s and %s both make reports/%s: import one of them under another name (govreport import --slug NAME %s), or remove it", other, path, slug, path)
		}
		bySlug[slug] = path
		dst := filepath.Join(work, "content", "reports", slug, "index.md")
		if by := imported.sourceOf[slug]; by != "" {
			return n, fmt.Errorf("%s makes reports/%s, which holds the report imported from sources/%s: import it under another name (govreport import --slug NAME %s)", path, slug, by, path)
		} else if _, err := os.Stat(dst); err == nil {
			continue // content from before front matter named its source: it wins
		}
		if err := WriteFile(dst, markdown.Write(doc)); err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}

// ImportedAs returns the page name of the report under root/content that
// was imported from the source file named source (its base name), or "".
func ImportedAs(root, source string) (string, error) {
	im, err := readImported(root)
	return im.bySource[source], err
}

// imported is what the reports under a project's content say of their
// sources.
type imported struct {
	bySource map[string]string // source file → page name
	sourceOf map[string]string // page name → source file
	legacy   map[string]bool   // legacyKey of each report whose front matter names no source
}

// readImported reads the front matter of every report under root/content.
func readImported(root string) (imported, error) {
	im := imported{map[string]string{}, map[string]string{}, map[string]bool{}}
	paths, _ := filepath.Glob(filepath.Join(root, "content", "reports", "*", "index.md"))
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			return im, err
		}
		m, err := markdown.ParseMeta(p, data)
		if err != nil {
			return im, err
		}
		slug := filepath.Base(filepath.Dir(p))
		if m.Source != "" {
			im.bySource[m.Source], im.sourceOf[slug] = slug, m.Source
		} else if m.Title != "" { // written before front matter named its source
			im.legacy[legacyKey(*m)] = true
		}
	}
	return im, nil
}

// legacyKey identifies, by title and date, a report whose front matter
// names no source, so that a source importing to the same report (under a
// page name made by newer rules) is not imported again.
func legacyKey(m report.Meta) string { return m.Title + "\x00" + m.Date }

// ReadContent reads every report under root/content/reports and puts it
// in canonical form (outline.Tidy: normalised typography, anchors filled
// in), saving the files that changed. It returns the pages and what
// outline.Review finds in them; a duplicate anchor is an error, since links
// to it would be ambiguous.
func ReadContent(root string) ([]Page, []report.Finding, error) {
	if err := checkLayout(root); err != nil {
		return nil, nil, err
	}
	paths, _ := filepath.Glob(filepath.Join(root, "content", "reports", "*", "index.md"))
	sort.Strings(paths)
	pages := make([]Page, 0, len(paths))
	var all []report.Finding
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, nil, err
		}
		doc, err := markdown.Parse(p, data)
		if err != nil {
			return nil, nil, err
		}
		if doc.Meta.Slug == "" {
			doc.Meta.Slug = filepath.Base(filepath.Dir(p))
		}
		findings := outline.Review(doc)
		for _, f := range findings {
			switch f.Code {
			case "duplicate-id": // links to it would be ambiguous
				return nil, nil, fmt.Errorf("%s", f.Format(p))
			case "meta-date": // the page cannot show it
				f.Line = markdown.FrontLine(data, strings.Fields(f.Message)[0])
				return nil, nil, fmt.Errorf("%s", f.Format(p))
			}
		}
		if out := markdown.Write(doc); !bytes.Equal(out, data) {
			if err := WriteFile(p, out); err != nil {
				return nil, nil, err
			}
		}
		pages = append(pages, Page{p, doc})
		all = append(all, findings...)
	}
	return pages, all, nil
}

// checkLayout reports Markdown in content/reports that is not a report's
// <slug>/index.md (a loose x.md would reach Hugo without its data).
func checkLayout(root string) error {
	loose, _ := filepath.Glob(filepath.Join(root, "content", "reports", "*.md"))
	for _, p := range loose {
		if filepath.Base(p) != "_index.md" {
			return fmt.Errorf("%s: a report is content/reports/<slug>/index.md: move it there, or import its source with govreport import", p)
		}
	}
	return nil
}

// writeData writes data/indicators/<slug>.json for every report and
// removes the files of reports that are gone.
func writeData(root string, pages []Page) error {
	dir := filepath.Join(root, "data", "indicators")
	if err := os.RemoveAll(dir); err != nil {
		return err
	}
	for _, pg := range pages {
		var b bytes.Buffer
		if err := indicator.WriteJSON(&b, indicator.Extract(pg.Doc)); err != nil {
			return err
		}
		if err := WriteFile(filepath.Join(dir, pg.Doc.Meta.Slug+".json"), b.Bytes()); err != nil {
			return err
		}
	}
	return nil
}

// writeDownloads puts each report's open data and Markdown source next to
// its page: reports/<slug>/indicators.csv, indicators.json, index.md.
func writeDownloads(dir string, pages []Page) error {
	for _, pg := range pages {
		base := filepath.Join(dir, "reports", pg.Doc.Meta.Slug)
		ins := indicator.Extract(pg.Doc)
		var csv, js bytes.Buffer
		if err := indicator.WriteCSV(&csv, ins); err != nil {
			return err
		}
		if err := indicator.WriteJSON(&js, ins); err != nil {
			return err
		}
		md, err := os.ReadFile(pg.Path)
		if err != nil {
			return err
		}
		for name, data := range map[string][]byte{"indicators.csv": csv.Bytes(), "indicators.json": js.Bytes(), "index.md": md} {
			if err := WriteFile(filepath.Join(base, name), data); err != nil {
				return err
			}
		}
	}
	return nil
}

// review summarises what lint would list for the content, so an editor
// sees before publishing that placeholders or errors remain.
func review(findings []report.Finding) string {
	counts := map[string]int{}
	errs, warns := 0, 0
	for _, f := range findings {
		switch f.Level {
		case report.Error:
			errs++
		case report.Warning:
			warns++
		default:
			continue
		}
		counts[f.Code]++
	}
	codes := make([]string, 0, len(counts))
	for c, n := range counts {
		codes = append(codes, fmt.Sprintf("%s %d", c, n))
	}
	sort.Strings(codes)
	if errs+warns == 0 {
		return "nothing to review"
	}
	return fmt.Sprintf("%s, %s (%s): see govreport lint content", plural(errs, "error"), plural(warns, "warning"), strings.Join(codes, ", "))
}

// plural writes a count and a noun: 1 error, 2 errors.
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
