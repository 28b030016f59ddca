package site

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/xml"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/gohugoio/hugo/parser/metadecoders"
	"github.com/tdewolff/minify/v2"
)

// What the build publishes: the pages it renders, each report's downloads,
// the style sheets, the sitemap, and the files in static/ — except hidden
// files and folders (.DS_Store, .git/) and editor leftovers (draft.txt~,
// x.bak, x.orig, x.swp, #x#), which may be drafts from before redaction.
// Files in a report's content folder besides index.md are never published.
// Every file passed over is named in the build's log.

// leftover reports whether a file or folder name is one never published.
func leftover(name string) bool {
	lower := strings.ToLower(name)
	switch {
	case strings.HasPrefix(name, "."), strings.HasPrefix(name, "#"), strings.HasSuffix(name, "~"):
		return true
	}
	for _, ext := range []string{".bak", ".orig", ".swp", ".swo", ".tmp", ".rej", ".old"} {
		if strings.HasSuffix(lower, ext) {
			return true
		}
	}
	return false
}

// static copies static/ (but its style sheets, which are assets) into the
// new site, minifying what can be minified, skipping what leftover names
// and following symbolic links only when they stay inside the project.
func (b *builder) static() error {
	dir := filepath.Join(b.root, "static")
	root, err := realPath(b.root)
	if err != nil {
		return err
	}
	m := minifier()
	b.skippedReportFiles()
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if os.IsNotExist(err) && p == dir {
			return nil
		}
		if err != nil {
			return err
		}
		rel := slashRel(dir, p)
		if rel == "." {
			return nil
		}
		if leftover(d.Name()) {
			b.logf("skipped   static/%s: hidden files and editor leftovers are not published", rel)
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			if rel == "css" {
				return filepath.SkipDir // published as assets by the layouts
			}
			return nil
		}
		target := p
		if d.Type()&fs.ModeSymlink != 0 {
			if target, err = filepath.EvalSymlinks(p); err != nil {
				return fmt.Errorf("static/%s is a symbolic link to a file that does not exist: fix or remove the link", rel)
			}
			if !isWithin(target, root) {
				return fmt.Errorf("static/%s is a symbolic link to %s, outside the project: copy the file into static/ instead", rel, target)
			}
			if info, err := os.Stat(target); err != nil || !info.Mode().IsRegular() {
				return fmt.Errorf("static/%s is a symbolic link to %s, which is not a file: only files are published", rel, target)
			}
		} else if !d.Type().IsRegular() {
			b.logf("skipped   static/%s: not a regular file", rel)
			return nil
		}
		data, err := os.ReadFile(target)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(data)
		key := keyOf("static", Version(), hex.EncodeToString(sum[:]))
		if b.reuse(key, rel) {
			return nil
		}
		if data, err = minifyFile(m, rel, data); err != nil {
			return err
		}
		return b.put(rel, key, data)
	})
}

// skippedReportFiles names, in the log, the files in report folders that
// are not published: everything but index.md.
func (b *builder) skippedReportFiles() {
	dirs, _ := filepath.Glob(filepath.Join(b.root, "content", "reports", "*"))
	for _, d := range dirs {
		entries, err := os.ReadDir(d)
		if err != nil {
			continue
		}
		for _, e := range entries {
			if e.Name() != "index.md" {
				b.logf("skipped   %s: only a report's index.md is published", slashRel(b.root, filepath.Join(d, e.Name())))
			}
		}
	}
}

// minifyer minifies by media type.
type minifyer = *minify.M

// minifyFile minifies data by the file name's extension; other files
// are returned as they are.
func minifyFile(m minifyer, name string, data []byte) ([]byte, error) {
	mt, ok := mediaTypes[strings.ToLower(filepath.Ext(name))]
	if !ok {
		return data, nil
	}
	var out bytes.Buffer
	if err := m.Minify(mt, &out, bytes.NewReader(data)); err != nil {
		return nil, fmt.Errorf("minify %s: %w", name, err)
	}
	return out.Bytes(), nil
}

// walkFiles calls f with every regular file under dir, by path relative
// to dir with /, in lexical order.
func walkFiles(dir string, f func(rel string, data []byte) error) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return f(slashRel(dir, p), data)
	})
}

// sitemap writes sitemap.xml: every page for search engines, with its
// public address (from --baseURL; without one, the sitemap lists nothing,
// since it needs absolute addresses).
func (b *builder) sitemap() error {
	var buf bytes.Buffer
	buf.WriteString(`<?xml version="1.0" encoding="utf-8" standalone="yes"?>` + "\n")
	buf.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	if base := b.publicURL(); base != "" {
		loc := func(rel, lastmod string) {
			buf.WriteString("<url><loc>")
			xml.EscapeText(&buf, []byte(base+rel))
			buf.WriteString("</loc>")
			if lastmod != "" {
				buf.WriteString("<lastmod>" + lastmod + "</lastmod>")
			}
			buf.WriteString("</url>\n")
		}
		loc("index.html", "")
		ix := b.archiveOf()
		for _, y := range ix.Years {
			loc(yearURL(y.Year), "")
		}
		for _, p := range ix.Places {
			loc(placeURL(p.Slug), "")
		}
		for _, pg := range b.pages {
			m := pg.Doc.Meta
			loc("reports/"+m.Slug+".html", firstNonEmpty(m.PubDate, m.Date))
		}
	}
	buf.WriteString("</urlset>\n")
	return b.put("sitemap.xml", "", buf.Bytes())
}

// publicURL is the site's public address with a trailing slash, from
// --baseURL (a path alone is completed with params.sitedomain), or "".
func (b *builder) publicURL() string {
	u := b.opts.BaseURL
	if u == "" {
		return ""
	}
	if strings.HasPrefix(u, "/") {
		u = "https://" + b.siteDomain() + u
	}
	return strings.TrimSuffix(u, "/") + "/"
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}

// siteDomain is config.toml's params.sitedomain.
func (b *builder) siteDomain() string {
	if b.config == nil {
		b.config = readParams(b.root)
	}
	s, _ := b.config["sitedomain"].(string)
	return s
}

// readParams reads config.toml's [params]; a config Hugo cannot read
// fails the build later, with Hugo's message.
func readParams(root string) map[string]any {
	data, err := os.ReadFile(filepath.Join(root, "config.toml"))
	if err != nil {
		return map[string]any{}
	}
	m, err := metadecoders.Default.UnmarshalToMap(data, metadecoders.TOML)
	if err != nil {
		return map[string]any{}
	}
	params, _ := m["params"].(map[string]any)
	if params == nil {
		return map[string]any{}
	}
	return params
}

// listTree lists what is under dir, as slash paths relative to it, sorted:
// its files, and the entries that are neither files nor folders (links,
// devices) apart. It reads ioWorkers folders at once: on a cold disk a
// walk of an archive's site waits on each of its thousands of folders in
// turn. skip leaves out an entry, and what is in it when it is a folder.
func listTree(dir string, skip func(rel string) bool) (files, odd []string, err error) {
	var (
		mu   sync.Mutex
		wg   sync.WaitGroup
		sem  = make(chan struct{}, ioWorkers)
		errs []error
	)
	var visit func(rel string)
	visit = func(rel string) {
		defer wg.Done()
		sem <- struct{}{}
		entries, err := os.ReadDir(filepath.Join(dir, filepath.FromSlash(rel)))
		<-sem
		mu.Lock()
		defer mu.Unlock()
		if err != nil {
			errs = append(errs, err)
			return
		}
		for _, e := range entries {
			r := path.Join(rel, e.Name())
			switch {
			case skip != nil && skip(r):
			case e.IsDir():
				wg.Add(1)
				go visit(r)
			case e.Type().IsRegular():
				files = append(files, r)
			default:
				odd = append(odd, r)
			}
		}
	}
	wg.Add(1)
	visit(".")
	wg.Wait()
	sort.Strings(files)
	sort.Strings(odd)
	return files, odd, errors.Join(errs...)
}
