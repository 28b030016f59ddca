package site

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/govreport/govreport/internal/archive"
	"github.com/govreport/govreport/internal/indicator"
	"github.com/govreport/govreport/internal/markdown"
	"github.com/govreport/govreport/internal/outline"
	"github.com/govreport/govreport/internal/report"
	"github.com/govreport/govreport/internal/source"
)

// Page is one report of the site, as read back from its content.
type Page struct {
	Path string // content file, in the project
	Doc  *report.Doc
	// Data is the report's Markdown in canonical form: what the content
	// file holds after the build, and the download index.md.
	Data []byte
	// Hash is the SHA-256 of Data, in hex: what names the report in the
	// keys of the build's outputs.
	Hash       string
	Indicators []indicator.Indicator
	stamp      string // the content file's stamp when read; "" for a new import
	changed    bool   // Data differs from the file: write it back
}

// importSources imports every report in root/sources that has no content
// yet and returns them as pages to write into content/. A source has
// content when a report's front matter names it (source = "…"), or, for
// content written before that, when its page exists. Two sources that
// would make the same page are an error: one would hide the other.
func importSources(root string) ([]*Page, error) {
	entries, err := os.ReadDir(filepath.Join(root, "sources"))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	} else if err != nil {
		return nil, err
	}
	imported, err := readImported(root)
	if err != nil {
		return nil, err
	}
	origins, err := source.Origins(filepath.Join(root, "sources"))
	if err != nil {
		return nil, err
	}
	bySlug := map[string]string{}
	var pages []*Page
	for _, e := range entries {
		if e.IsDir() || !isSource(e.Name()) || imported.bySource[e.Name()] != "" {
			continue
		}
		path := filepath.Join(root, "sources", e.Name())
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, err
		}
		doc, _, err := outline.Import(path, data)
		if err != nil {
			return nil, err
		}
		if imported.legacy[legacyKey(doc.Meta)] {
			continue // imported before sources were named
		}
		doc.Meta.SourceURL = origins[e.Name()].URL
		slug := doc.Meta.Slug
		if other, ok := bySlug[slug]; ok {
			return nil, fmt.Errorf("%s and %s both make reports/%s: import one of them under another name (govreport import --slug NAME %s), or remove it", other, path, slug, path)
		}
		bySlug[slug] = path
		dst := filepath.Join(root, "content", "reports", slug, "index.md")
		if by := imported.sourceOf[slug]; by != "" {
			return nil, fmt.Errorf("%s makes reports/%s, which holds the report imported from sources/%s: import it under another name (govreport import --slug NAME %s)", path, slug, by, path)
		} else if _, err := os.Stat(dst); err == nil {
			continue // content from before front matter named its source: it wins
		}
		pages = append(pages, &Page{Path: dst, Data: markdown.Write(doc), changed: true})
	}
	return pages, nil
}

// isSource reports whether a file in sources/ is one import reads.
func isSource(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".txt", ".docx", ".doc", ".wps":
		return !strings.HasPrefix(name, ".")
	}
	return false
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
// outline.Review finds in them. It is what build does before rendering,
// for a caller that wants the content alone.
func ReadContent(root string) ([]Page, []report.Finding, error) {
	pages, findings, err := readContent(root, nil, nil)
	if err != nil {
		return nil, nil, err
	}
	out := make([]Page, len(pages))
	for i, pg := range pages {
		if pg.changed {
			if err := WriteFile(pg.Path, pg.Data); err != nil {
				return nil, nil, err
			}
		}
		out[i] = *pg
	}
	return out, findings, nil
}

// readContent reads every report under root/content/reports, and the new
// imports, in parallel: each parsed, tidied, reviewed, its figures
// extracted. Nothing is written. A report that cannot be published stops
// it with the file and line: a bad front matter or page name, a date the
// page cannot show, an id used twice, two reports with one page name.
func readContent(root string, imports []*Page, cache *Cache) ([]*Page, []report.Finding, error) {
	if err := checkLayout(root); err != nil {
		return nil, nil, err
	}
	paths, _ := filepath.Glob(filepath.Join(root, "content", "reports", "*", "index.md"))
	sort.Strings(paths)
	pages := make([]*Page, 0, len(paths)+len(imports))
	for _, p := range paths {
		pages = append(pages, &Page{Path: p})
	}
	pages = append(pages, imports...)
	found := make([][]report.Finding, len(pages))
	errs := make([]error, len(pages))
	parallel(len(pages), func(i int) {
		found[i], errs[i] = cache.read(pages[i])
	})
	if err := errors.Join(errs...); err != nil {
		return nil, nil, err
	}
	sort.SliceStable(pages, func(i, j int) bool { return pages[i].Doc.Meta.Slug < pages[j].Doc.Meta.Slug })
	for i := 1; i < len(pages); i++ {
		if a, b := pages[i-1], pages[i]; a.Doc.Meta.Slug == b.Doc.Meta.Slug {
			return nil, nil, fmt.Errorf("%s:%d and %s:%d both make reports/%s: give one of them another slug (and folder)",
				a.Path, markdown.FrontLine(a.Data, "slug"), b.Path, markdown.FrontLine(b.Data, "slug"), a.Doc.Meta.Slug)
		}
	}
	var all []report.Finding
	for _, f := range found {
		all = append(all, f...)
	}
	return pages, all, nil
}

// Cache keeps what builds in one process (serve) read of each report, so
// that a report whose file is unchanged is not parsed again. Its zero
// value is not usable; a nil *Cache caches nothing.
type Cache struct {
	mu     sync.Mutex
	pages  map[string]cached             // by content file
	places map[string]placePage          // a place's page data, by what makes it (placeKey)
	cmps   map[string]archive.Comparison // a place's reports compared, by placeKey
}

type cached struct {
	sum      [32]byte // SHA-256 of the file as read
	page     Page
	findings []report.Finding
}

// NewCache returns an empty cache.
func NewCache() *Cache {
	return &Cache{pages: map[string]cached{}, places: map[string]placePage{}, cmps: map[string]archive.Comparison{}}
}

// comparison returns a place's reports compared, from the cache when they
// are unchanged.
func (c *Cache) comparison(key string, compare func() archive.Comparison) archive.Comparison {
	if c == nil {
		return compare()
	}
	c.mu.Lock()
	cmp, ok := c.cmps[key]
	c.mu.Unlock()
	if ok {
		return cmp
	}
	cmp = compare()
	c.mu.Lock()
	c.cmps[key] = cmp
	c.mu.Unlock()
	return cmp
}

// place returns the page data of a place whose reports are unchanged since
// make last made it, or makes it.
func (c *Cache) place(key string, make func() placePage) placePage {
	if c == nil {
		return make()
	}
	c.mu.Lock()
	pp, ok := c.places[key]
	c.mu.Unlock()
	if ok {
		return pp
	}
	pp = make()
	c.mu.Lock()
	c.places[key] = pp
	c.mu.Unlock()
	return pp
}

// read reads one report as readPage does, or takes it from the cache
// when its file holds the same bytes as when it was cached.
func (c *Cache) read(pg *Page) ([]report.Finding, error) {
	if c == nil || pg.Data != nil {
		return readPage(pg, nil)
	}
	stamp := FileStamps(pg.Path)[""]
	data, err := os.ReadFile(pg.Path)
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(data)
	c.mu.Lock()
	hit, ok := c.pages[pg.Path]
	c.mu.Unlock()
	if ok && hit.sum == sum {
		*pg = hit.page
		pg.stamp = stamp
		return hit.findings, nil
	}
	pg.stamp = stamp
	findings, err := readPage(pg, data)
	if err == nil {
		c.mu.Lock()
		c.pages[pg.Path] = cached{sum, *pg, findings}
		c.mu.Unlock()
	}
	return findings, err
}

// readPage reads one report: data, its file's bytes when the caller read
// them, else its file, or for a new import the Markdown it was given.
func readPage(pg *Page, data []byte) ([]report.Finding, error) {
	if data == nil {
		data = pg.Data
	}
	if data == nil {
		var err error
		pg.stamp = FileStamps(pg.Path)[""]
		if data, err = os.ReadFile(pg.Path); err != nil {
			return nil, err
		}
	}
	doc, err := markdown.Parse(pg.Path, data)
	if err != nil {
		return nil, err
	}
	folder := filepath.Base(filepath.Dir(pg.Path))
	if doc.Meta.Slug == "" {
		doc.Meta.Slug = folder
	}
	if !ValidSlug(doc.Meta.Slug) {
		return nil, fmt.Errorf("%s:%d: slug %q: a page name is lower-case ASCII letters, digits and hyphens (2023-qingshan-zhen)",
			pg.Path, max(markdown.FrontLine(data, "slug"), 1), doc.Meta.Slug)
	}
	findings := outline.Review(doc)
	markdown.FrontFindings(data, findings) // the lines lint gives them
	for _, f := range findings {
		switch f.Code {
		case "duplicate-id", "meta-date": // ambiguous links; a date the page cannot show
			return nil, fmt.Errorf("%s", f.Format(pg.Path))
		}
	}
	pg.Doc = doc
	pg.Data = markdown.Write(doc)
	pg.changed = pg.changed || !bytes.Equal(pg.Data, data)
	sum := sha256.Sum256(pg.Data)
	pg.Hash = hex.EncodeToString(sum[:])
	pg.Indicators = indicator.Extract(doc)
	if err := indicator.CheckCount(pg.Path, len(pg.Indicators)); err != nil {
		return nil, err
	}
	return findings, nil
}

// ValidSlug reports whether s can name a report's page: lower-case ASCII
// letters, digits and hyphens, so it is safe in a path and in a URL.
func ValidSlug(s string) bool {
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
			return false
		}
	}
	return s != "" && s[0] != '-'
}

// parallel calls f(0) … f(n-1) on as many goroutines as there are CPUs.
func parallel(n int, f func(i int)) { parallelN(n, runtime.GOMAXPROCS(0), f) }

// ioWorkers is how many files parallelIO reads or stats at once: waiting
// on a cold disk, more than there are cores.
const ioWorkers = 8

// parallelIO is parallel for work that mostly waits on the disk.
func parallelIO(n int, f func(i int)) { parallelN(n, ioWorkers, f) }

// parallelN calls f(0) … f(n-1) on up to workers goroutines.
func parallelN(n, workers int, f func(i int)) {
	workers = min(workers, n)
	var wg sync.WaitGroup
	next := make(chan int)
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				f(i)
			}
		}()
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
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

// writeBack writes into the project what the build made of its content,
// once the site is published: new imports, reports put in canonical form,
// and data/indicators/<slug>.json, with the files of reports that are gone
// removed. A content file an editor saved while the build ran is left as
// the editor saved it.
func writeBack(root string, pages []*Page, current func(*Page) bool) (written []*Page, err error) {
	tmp := filepath.Join(root, stateDir) // temporary files go here, not into content/ or data/
	if err := os.MkdirAll(tmp, 0o755); err != nil {
		return nil, err
	}
	for _, pg := range pages {
		if !pg.changed || FileStamps(pg.Path)[""] != pg.stamp {
			continue
		}
		if err := writeFileVia(tmp, pg.Path, pg.Data); err != nil {
			return written, err
		}
		written = append(written, pg)
	}
	dir := filepath.Join(root, "data", "indicators")
	keep := map[string]bool{}
	for _, pg := range pages {
		keep[pg.Doc.Meta.Slug+".json"] = true
	}
	errs := make([]error, len(pages))
	parallel(len(pages), func(i int) {
		pg := pages[i]
		if current != nil && current(pg) {
			return
		}
		var b bytes.Buffer
		if errs[i] = indicator.WriteJSON(&b, pg.Indicators); errs[i] != nil {
			return
		}
		name := filepath.Join(dir, pg.Doc.Meta.Slug+".json")
		if old, err := os.ReadFile(name); err == nil && bytes.Equal(old, b.Bytes()) {
			return
		}
		errs[i] = writeFileVia(tmp, name, b.Bytes())
	})
	if err := errors.Join(errs...); err != nil {
		return written, err
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if !e.IsDir() && !keep[e.Name()] {
			if err := os.Remove(filepath.Join(dir, e.Name())); err != nil {
				return written, err
			}
		}
	}
	return written, nil
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
