package site

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/govreport/govreport/internal/archive"
	"github.com/govreport/govreport/internal/indicator"
	"github.com/govreport/govreport/internal/pdf"
	"github.com/govreport/govreport/internal/report"
)

// BuildOptions configure Build.
type BuildOptions struct {
	Root    string // project: config.toml, sources/, content/, layouts/, static/, data/
	Out     string // the site directory, replaced only when the build succeeds
	BaseURL string // where the site will live, for canonical links; "" keeps config.toml's
	// Force lets the build replace a non-empty folder that is not a site
	// this project published before.
	Force bool
	Logf  func(format string, args ...any) // one line per stage; may be nil
	// Cache, when set, keeps the reports read from one build to the next
	// in the same process (serve).
	Cache *Cache
	// Preview keeps the last build's search index when reports changed,
	// for serve: an edit reaches the browser without waiting for the index,
	// and the build after (without Preview) brings the index up to date.
	Preview bool
	// PDF prints each report's print version into reports/<slug>/<slug>.pdf
	// with headless Chromium (internal/pdf) and links it from the report's
	// page; PDFs whose page is unchanged are reused.
	PDF bool
}

// Build makes the site. It imports the sources that have no content yet,
// reads every report back into the document model (putting it in canonical
// form: anchors filled in), renders the pages that changed since the last
// build and reuses the others, and publishes the new site in place of Out
// in one atomic step. Only then does it write the new and tidied content
// and the indicator data back into the project: a failed build changes
// nothing. Builds of one project take turns (a lock); the output may not be
// the project, an input, or a folder of other files.
func Build(ctx context.Context, opts BuildOptions) error {
	logf := opts.Logf
	if logf == nil {
		logf = func(string, ...any) {}
	}
	if err := checkProject(opts); err != nil {
		return err
	}
	out, err := checkOutput(opts.Root, opts.Out, opts.Force)
	if err != nil {
		return err
	}
	unlock, err := lockProject(opts.Root, logf)
	if err != nil {
		return err
	}
	defer unlock()
	removeStale(out, logf)
	removeStaleWork(opts.Root)
	b := &builder{ctx: ctx, opts: opts, root: opts.Root, out: out, logf: logf, cpu: cpuTime()}
	return b.run()
}

// publishSite is publish; tests replace it to make publishing fail.
var publishSite = publish

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

// removeStaleWork removes the working projects of builds that were
// killed; called with the lock held.
func removeStaleWork(root string) {
	work, _ := filepath.Glob(filepath.Join(root, stateDir, "work-*"))
	for _, w := range work {
		_ = os.RemoveAll(w)
	}
	// Temporary files of writes back into the project that were cut short.
	temps, _ := filepath.Glob(filepath.Join(root, stateDir, ".govreport-*"))
	for _, t := range temps {
		_ = os.Remove(t)
	}
}

// builder is one build.
type builder struct {
	ctx  context.Context
	opts BuildOptions
	root string // the project
	out  string // the output folder, absolute
	logf func(string, ...any)

	old   *manifest // what the last build published in out
	next  *manifest // what this build publishes
	site  string    // the new site, next to out
	hugo  *hugoProject
	pages []*Page

	config   map[string]any               // config.toml's [params]
	index    *archive.Index               // the reports by place and year
	cmps     []archive.Comparison         // each place's reports compared, in the index's order
	pageKeys map[string]pageKeys          // each report's page keys, by slug
	tuPrev   map[string]map[int]tuPrev    // each report's figures the year before, for its 一图读懂 (tu.go)
	pdfEnv   string                       // the printer's browser and fonts (pdf.Environment), with --pdf
	pending  map[string]map[string]string // preview: files to take from the last site, by folder, name → path (placeLater)
	moved    []string                     // preview: folders of the last site moved into the new one (placeLater)
	stranded bool                         // moveBack failed: b.site holds folders of the last site and is kept
	mu       sync.Mutex                   // guards next.Files and fresh
	fresh    map[string]bool              // reports whose downloads were made anew, by slug
	dirs     sync.Map                     // folders of the new site made so far
	cpu      time.Duration                // CPU time used when the last stage ended (stage)
	files    *fileWriter                  // writes the new site's files (put)
}

// stage logs a stage's wall time, and the CPU time the process used since
// the stage before: on a machine of few cores, how well a stage keeps them
// busy.
func (b *builder) stage(name string, start time.Time, format string, args ...any) {
	cpu := cpuTime()
	b.logf("%-9s %6.0fms  cpu %5.1fs  %s", name, float64(time.Since(start).Microseconds())/1000, (cpu - b.cpu).Seconds(), fmt.Sprintf(format, args...))
	b.cpu = cpu
}

// cpuTime is the user and system CPU time the process has used so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func (b *builder) run() error {
	t := time.Now()
	imports, err := importSources(b.root)
	if err != nil {
		return err
	}
	b.stage("import", t, "%s from sources/", plural(len(imports), "new report"))

	t = time.Now()
	b.old = readManifest(b.root, b.out)
	// Whether the last site is as published is looked at while the inputs
	// are read: on a cold disk each takes a tenth of a full build of 1,000
	// reports.
	intact := make(chan bool, 1)
	go func() { intact <- len(imports) == 0 && b.old.intact() }()
	inputs, err := inputFiles(b.root)
	if err != nil {
		<-intact
		return err
	}
	input := inputKey(inputs, b.opts.BaseURL)
	if <-intact && b.old.Input == input && stampsEqual(b.old.Data, FileStamps(filepath.Join(b.root, "data", "indicators"))) {
		b.stage("publish", t, "nothing changed since the last build: %s is up to date", b.opts.Out)
		return nil
	}
	pages, findings, err := readContent(b.root, imports, b.opts.Cache)
	if err != nil {
		return err
	}
	b.pages = pages
	b.stage("content", t, "%s read, anchors checked", plural(len(pages), "report"))
	b.logf("review    %s", review(findings))
	if err := b.ctx.Err(); err != nil {
		return err
	}

	if b.site, err = newTemp(b.out, "new"); err != nil {
		return err
	}
	defer func() {
		if !b.stranded {
			os.RemoveAll(b.site)
		}
	}()
	b.next = &manifest{Out: b.out, Input: input, Files: map[string]fileEntry{}}
	b.files = newFileWriter()
	err = b.render()
	if cerr := b.files.close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	if err := b.ctx.Err(); err != nil {
		return err
	}

	t = time.Now()
	b.next.stampAll(b.site) // what placeLater takes is recorded as it is in the last site
	if err := b.next.save(b.root); err != nil {
		return err
	}
	if err := b.placeLater(); err != nil {
		return b.moveBack(err)
	}
	if err := publishSite(b.site, b.out, b.opts.Preview); err != nil {
		return b.moveBack(err)
	}
	written, err := writeBack(b.root, b.pages, b.dataCurrent)
	if err != nil {
		return fmt.Errorf("the site is published, but writing content and data back failed: %w", err)
	}
	// The content written back is what the site was made from: with it,
	// the inputs are unchanged for the next build. A file an editor saved
	// meanwhile keeps its hash from before, so the next build sees it.
	for _, pg := range written {
		sum := sha256.Sum256(pg.Data)
		inputs[slashRel(b.root, pg.Path)] = hex.EncodeToString(sum[:])
	}
	if b.next.Input != "preview" {
		b.next.Input = inputKey(inputs, b.opts.BaseURL)
	}
	b.next.Data = FileStamps(filepath.Join(b.root, "data", "indicators"))
	if err := b.next.save(b.root); err != nil {
		return err
	}
	b.stage("publish", t, "%s", b.opts.Out)
	return nil
}

// render makes the new site in b.site: each file reused from the last
// site when what makes it is unchanged, else made anew.
func (b *builder) render() error {
	t := time.Now()
	hugoKey, err := hugoInputs(b.root, b.opts.BaseURL)
	if err != nil {
		return err
	}
	if b.opts.PDF {
		if b.pdfEnv, err = pdf.Environment(""); err != nil {
			return err
		}
	}
	b.tuPrev = b.tuArchive()
	keys := make([]pageKeys, len(b.pages))
	rendered := make([]bool, len(b.pages))
	errs := make([]error, len(b.pages))
	parallel(len(b.pages), func(i int) {
		pg := b.pages[i]
		keys[i] = b.keysOf(pg, hugoKey)
		slug := pg.Doc.Meta.Slug
		rendered[i] = !b.reuse(keys[i].page, reportPage(slug)) || !b.reuse(keys[i].print, printPage(slug)) || !b.reuse(keys[i].tu, tuPage(slug)) ||
			b.opts.PDF && !b.reuse(keys[i].png, pngFile(slug)) ||
			b.opts.PDF && !b.reuse(keys[i].pdf, pdfFile(slug))
		errs[i] = b.downloads(pg)
		if !pg.changed {
			pg.Data = nil // published; only content to write back needs it now (memory at 10,000 reports)
		}
	})
	if err := errors.Join(errs...); err != nil {
		return err
	}
	b.pageKeys = map[string]pageKeys{}
	var todo []*Page
	for i, pg := range b.pages {
		b.pageKeys[pg.Doc.Meta.Slug] = keys[i]
		if rendered[i] {
			todo = append(todo, pg)
		}
	}
	reused := len(b.pages) - len(todo)
	var lists []listPage
	for _, lp := range b.lists().pages(hugoKey) {
		if !b.reuse(lp.key, lp.out...) {
			lists = append(lists, lp)
		}
	}
	if b.opts.Cache == nil {
		b.cmps = nil // made into the list pages and 一图读懂 data: a tenth of the heap at 10,000 reports
	}
	// The style sheets are made by whichever Hugo run renders a page that
	// uses them: reused whole, or all made again. A report page and its
	// print version use them all: one is rendered again when they cannot
	// be reused.
	assetKey := keyOf("assets", hugoKey)
	if !b.reuseGroup(assetKey) && len(todo) == 0 && len(b.pages) > 0 {
		todo = append(todo, b.pages[0]) // (rendered again with the same keys)
		reused--
	}
	b.stage("plan", t, "%d of %s to render, %d reused; %s to render", len(todo), plural(len(b.pages), "report page"), reused, plural(len(lists), "list page"))

	if len(todo) > 0 || len(lists) > 0 {
		t = time.Now()
		if b.hugo, err = newHugoProject(b.root, b.publicURL(), b.logf); err != nil {
			return err
		}
		defer os.RemoveAll(b.hugo.dir)
		if err := b.renderBatches(todo, lists, assetKey); err != nil {
			return inProject(err, b.hugo.dir, b.root)
		}
		b.stage("hugo", t, "%s and %s rendered in %d runs", plural(len(todo), "report"), plural(len(lists), "list page"), b.hugo.runs)
	}
	if b.opts.PDF {
		if err := b.files.flush(); err != nil { // the printer reads the pages
			return err
		}
		if err := b.printPDFs(todo); err != nil {
			return err
		}
	}
	if err := b.search(); err != nil {
		return err
	}
	t = time.Now()
	if err := b.static(); err != nil {
		return err
	}
	if err := b.sitemap(); err != nil {
		return err
	}
	b.stage("static", t, "static files and sitemap")
	return nil
}

// dataCurrent reports whether a report's data file in the project is as
// the last build wrote it, for a report whose figures are unchanged: then
// writeBack need not write it again.
func (b *builder) dataCurrent(pg *Page) bool {
	name := pg.Doc.Meta.Slug + ".json"
	if b.fresh[pg.Doc.Meta.Slug] || b.old.Data[name] == "" {
		return false
	}
	return FileStamps(filepath.Join(b.root, "data", "indicators", name))[""] == b.old.Data[name]
}

// search writes the search index of every report into search/, or
// reuses the last one when no report changed.
func (b *builder) search() error {
	t := time.Now()
	parts := []string{"search", Version()}
	docs := make([]*report.Doc, len(b.pages))
	for i, pg := range b.pages {
		parts = append(parts, pg.Hash)
		docs[i] = pg.Doc
	}
	key := keyOf(parts...)
	if b.reuseGroup(key) {
		b.stage("search", t, "index reused")
		return nil
	}
	if b.opts.Preview && b.reuseStale("search/") {
		// The site published is then not what the inputs make: the next
		// build must not take it for up to date.
		b.next.Input = "preview"
		b.stage("search", t, "index of the last build kept (preview)")
		return nil
	}
	if err := WriteSearch(b.site, docs); err != nil {
		return err
	}
	n := 0
	err := walkFiles(filepath.Join(b.site, "search"), func(rel string, _ []byte) error {
		b.record("search/"+rel, key)
		n++
		return nil
	})
	b.stage("search", t, "index of %s in %d files", plural(len(docs), "report"), n)
	return err
}

// reportPage and printPage are the pages Hugo renders for a report.
func reportPage(slug string) string { return "reports/" + slug + ".html" }
func printPage(slug string) string  { return "reports/" + slug + "/print.html" }

// pageKeys are the keys of a report's pages.
type pageKeys struct {
	page  string // its page: the report, its place in the archive, its PDF's link
	print string // its print version: the report alone
	pdf   string // its PDF, with --pdf: the print version and the printer
	tu    string // its 一图读懂 (tu.go): the report, the same place's reports before it
	png   string // the 一图读懂 as a picture, with --pdf: the page and the browser
}

// keysOf returns the keys of a report's pages, whose frame Hugo renders
// from shell.
//
// A page's frame is made of the report (its canonical Markdown, whose hash
// pg.Hash is) and, for the report page, its place in the archive (navKey):
// the keys need not render the frame's front matter to know it.
func (b *builder) keysOf(pg *Page, hugoKey string) pageKeys {
	k := pageKeys{page: keyOf("report", hugoKey, pg.Hash, navKey(b.navOf(pg.Doc.Meta)))}
	// The print version shows no navigation: a new report of the same
	// place does not make it (or its PDF) anew.
	k.print = keyOf("print", hugoKey, pg.Hash)
	k.tu = keyOf("tu", k.print, tuPrevKey(b.tuPrev[pg.Doc.Meta.Slug])) // and what it takes from the reports before
	if b.opts.PDF {
		k.pdf = keyOf("pdf", k.print, b.pdfEnv)
		k.page = keyOf("report+pdf", k.page, k.pdf) // the page links its PDF, with its size
		k.png = keyOf("tu-png", k.tu, b.pdfEnv)
		k.tu = keyOf("tu+png", k.tu, k.png) // the 一图读懂 links its picture
	}
	return k
}

// reuse links the files rel from the last site into the new one when all
// were made with key and are as published; it records them either way.
func (b *builder) reuse(key string, rels ...string) bool {
	from := make([]string, len(rels))
	for i, rel := range rels {
		if from[i] = b.old.reusable(rel, key); from[i] == "" {
			return false
		}
	}
	for i, rel := range rels {
		dir := path.Dir(rel)
		if b.opts.Preview && !b.opts.PDF && dir != "." && !b.recorded(rel) {
			b.later(dir, path.Base(rel), from[i])
		} else if linkOrCopy(from[i], filepath.Join(b.site, filepath.FromSlash(rel))) != nil {
			return false
		}
		e := b.old.Files[rel] // a link keeps the file's size and modification time
		e.linked = true
		b.mu.Lock()
		b.next.Files[rel] = e
		b.mu.Unlock()
	}
	return true
}

// later notes a file of the last site to take into the new one at the end
// (placeLater).
func (b *builder) later(dir, name, from string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.pending == nil {
		b.pending = map[string]map[string]string{}
	}
	if b.pending[dir] == nil {
		b.pending[dir] = map[string]string{}
	}
	b.pending[dir][name] = from
}

// placeLater takes the files reuse put off (a preview's, for serve before
// its page reloads) into the new site: a folder whose files are all taken,
// and which the new site does not have, is moved across whole, otherwise
// they are linked. Making a folder costs this machine's file system about
// 0.5 ms, moving one 40 µs: the 1,000 report folders of an archive of
// 1,000 reports would take half a second to make. The links are made
// first and the moves last, so that the last site, still served, lacks the
// folders moved only until the new one is published, or gets them back
// (moveBack).
func (b *builder) placeLater() error {
	dirs := sortedKeys(b.pending)
	sort.SliceStable(dirs, func(i, j int) bool { return strings.Count(dirs[i], "/") < strings.Count(dirs[j], "/") })
	var moves []string
	for _, dir := range dirs {
		if files := b.pending[dir]; len(files) > 0 && b.whole(dir, files) {
			moves = append(moves, dir)
		} else if err := b.linkLater(dir); err != nil {
			return err
		}
	}
	for _, dir := range moves {
		at := filepath.Join(b.site, filepath.FromSlash(dir))
		if err := b.mkdir(filepath.Dir(at)); err != nil {
			return err
		}
		if os.Rename(filepath.Join(b.out, filepath.FromSlash(dir)), at) == nil {
			b.moved = append(b.moved, dir)
		} else if err := b.linkLater(dir); err != nil {
			return err
		}
	}
	b.pending = nil
	return nil
}

// linkLater links the files put off in dir into the new site.
func (b *builder) linkLater(dir string) error {
	files := b.pending[dir]
	for _, name := range sortedKeys(files) {
		if !b.next.Files[dir+"/"+name].linked { // made anew since: put records it so
			continue
		}
		if err := linkOrCopy(files[name], filepath.Join(b.site, filepath.FromSlash(dir), name)); err != nil {
			return err
		}
	}
	return nil
}

// whole reports whether the last site's folder dir holds just the files
// and the new site has no such folder.
func (b *builder) whole(dir string, files map[string]string) bool {
	if _, err := os.Lstat(filepath.Join(b.site, filepath.FromSlash(dir))); !errors.Is(err, fs.ErrNotExist) {
		return false
	}
	entries, err := os.ReadDir(filepath.Join(b.out, filepath.FromSlash(dir)))
	if err != nil || len(entries) != len(files) {
		return false
	}
	for _, e := range entries {
		if _, ok := files[e.Name()]; !ok || !e.Type().IsRegular() {
			return false
		}
	}
	return true
}

// record notes a file of the new site and the key it was made with.
func (b *builder) record(rel, key string) {
	b.mu.Lock()
	b.next.Files[rel] = fileEntry{Key: key}
	b.mu.Unlock()
}

// recorded reports whether the new site has rel already.
func (b *builder) recorded(rel string) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	_, ok := b.next.Files[rel]
	return ok
}

// reuseGroup reuses every file the last site made with key, if there are
// any and all are as published.
func (b *builder) reuseGroup(key string) bool {
	var rels []string
	for rel, e := range b.old.Files {
		if e.Key == key {
			rels = append(rels, rel)
		}
	}
	sort.Strings(rels)
	return len(rels) > 0 && b.reuse(key, rels...)
}

// moveBack returns the folders placeLater moved to the last site, when the
// new one is not published after all.
func (b *builder) moveBack(cause error) error {
	var errs []error
	for _, dir := range b.moved {
		if err := os.Rename(filepath.Join(b.site, dir), filepath.Join(b.out, dir)); err != nil {
			errs = append(errs, err)
		}
	}
	b.moved = nil
	if errs != nil {
		b.stranded = true // the new site is kept: it holds folders of the last one
		return fmt.Errorf("%w; and folders of %s could not be put back from %s: %w", cause, b.out, b.site, errors.Join(errs...))
	}
	return cause
}

// reuseStale takes every file of the last site under prefix into the new
// one with the key it was made with, whatever has changed since; it
// reports whether there were any and all could be taken.
func (b *builder) reuseStale(prefix string) bool {
	n := 0
	for rel, e := range b.old.Files {
		if !strings.HasPrefix(rel, prefix) {
			continue
		}
		if !b.reuse(e.Key, rel) {
			return false
		}
		n++
	}
	return n > 0
}

// put writes a file of the new site, made with key.
func (b *builder) put(rel, key string, data []byte) error {
	p := filepath.Join(b.site, filepath.FromSlash(rel))
	// A file linked from the last site shares its inode with the site
	// still published: it is replaced, never written through.
	replace := b.recorded(rel)
	if err := b.files.write(p, data, replace, func() error { return b.mkdir(filepath.Dir(p)) }); err != nil {
		return err
	}
	b.record(rel, key)
	return nil
}

// mkdir makes a folder of the new site, once.
func (b *builder) mkdir(dir string) error {
	if _, done := b.dirs.Load(dir); done {
		return nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	b.dirs.Store(dir, true)
	return nil
}

// downloads puts a report's open data and Markdown next to its page:
// reports/<slug>/indicators.csv, indicators.json, index.md.
func (b *builder) downloads(pg *Page) error {
	key := keyOf("downloads", Version(), pg.Hash)
	dir := "reports/" + pg.Doc.Meta.Slug + "/"
	names := []string{dir + "indicators.csv", dir + "indicators.json", dir + "index.md"}
	if b.reuse(key, names...) {
		return nil
	}
	b.mu.Lock()
	if b.fresh == nil {
		b.fresh = map[string]bool{}
	}
	b.fresh[pg.Doc.Meta.Slug] = true
	b.mu.Unlock()
	var csv, js bytes.Buffer
	if err := indicator.WriteCSV(&csv, pg.Indicators); err != nil {
		return err
	}
	if err := indicator.WriteCompactJSON(&js, pg.Indicators); err != nil {
		return err
	}
	for i, data := range [][]byte{csv.Bytes(), js.Bytes(), pg.Data} {
		if err := b.put(names[i], key, data); err != nil {
			return err
		}
	}
	return nil
}

// renderBatches renders the reports with Hugo in batches, and the list
// pages with the last batch, and finishes each page (its own HTML spliced
// in, placeholders in the frame marked, minified) into the new site: a
// batch is finished while Hugo renders the next (Hugo keeps about one core
// busy, finishing two).
func (b *builder) renderBatches(todo []*Page, lists []listPage, assetKey string) error {
	rendered := make(chan *hugoBatch, 1)
	stop := make(chan struct{})
	defer func() {
		close(stop)
		for range rendered { // a Hugo run still going ends before its project is removed
		}
	}()
	go func() {
		defer close(rendered)
		for start := 0; ; start += batchSize {
			last := start+batchSize >= len(todo)
			var withLists []listPage
			if last {
				withLists = lists
			}
			hb := b.runBatch(todo[start:min(start+batchSize, len(todo))], withLists)
			select {
			case rendered <- hb:
			case <-stop:
				return
			}
			if last || hb.err != nil {
				return
			}
		}
	}()
	for hb := range rendered {
		if hb.err != nil {
			return hb.err
		}
		if err := b.finishBatch(hb, assetKey); err != nil {
			return err
		}
	}
	return nil
}

// hugoBatch is what one Hugo run made of a batch of reports and list pages.
type hugoBatch struct {
	made   map[string][]byte    // by file of the site
	keys   map[string]string    // a report's page file → its key
	bySlug map[string]*Page     // the batch's reports
	listOf map[string]*listPage // a list page's file → the list page
	err    error
}

// runBatch renders reports, and list pages, with Hugo.
func (b *builder) runBatch(batch []*Page, lists []listPage) *hugoBatch {
	hb := &hugoBatch{keys: map[string]string{}, bySlug: map[string]*Page{}, listOf: map[string]*listPage{}}
	files := map[string][]byte{}
	for _, pg := range batch {
		slug := pg.Doc.Meta.Slug
		files["reports/"+slug+"/index.md"] = b.shell(pg)
		hb.keys[reportPage(slug)] = b.pageKeys[slug].page
		hb.keys[printPage(slug)] = b.pageKeys[slug].print
		hb.keys[tuPage(slug)] = b.pageKeys[slug].tu
		hb.bySlug[slug] = pg
	}
	home := false
	for i, lp := range lists {
		files[lp.content] = lp.front
		for _, rel := range lp.out {
			hb.listOf[rel] = &lists[i]
		}
		home = home || lp.content == "_index.md"
	}
	hb.made, hb.err = b.hugo.run(b.ctx, files, home)
	return hb
}

// finishBatch puts the pages a Hugo run made into the new site.
func (b *builder) finishBatch(hb *hugoBatch, assetKey string) error {
	rels := sortedKeys(hb.made)
	errs := make([]error, len(rels))
	parallel(len(rels), func(i int) {
		errs[i] = b.finish(rels[i], hb.made[rels[i]], hb.keys, hb.bySlug, hb.listOf, assetKey)
	})
	return errors.Join(errs...)
}

// finish puts one file a Hugo run made into the new site: a report's page
// with its own HTML spliced in, a list page or a style sheet minified.
func (b *builder) finish(rel string, data []byte, keys map[string]string, bySlug map[string]*Page, listOf map[string]*listPage, assetKey string) error {
	m := minifier()
	key, ok := keys[rel]
	lp := listOf[rel]
	switch {
	case ok:
		slug := strings.TrimSuffix(strings.TrimPrefix(rel, "reports/"), ".html")
		if s, isTu := strings.CutSuffix(slug, "/tu"); isTu { // the 一图读懂 (tu.go)
			page, err := finishPage(m, rel, data, tuMarker, renderTu(bySlug[s].Doc, bySlug[s].Indicators, b.tuPrev[s]))
			if err != nil {
				return err
			}
			return b.put(rel, key, page)
		}
		if s, isPrint := strings.CutSuffix(slug, "/print"); isPrint {
			page, err := finishPage(m, rel, data, printMarker, renderPrint(bySlug[s].Doc))
			if err != nil {
				return err
			}
			return b.put(rel, key, page)
		}
		pg := bySlug[slug]
		page, err := finishPage(m, rel, markHTML(data), bodyMarker, renderBody(pg.Doc, pg.Indicators))
		if err != nil {
			return err
		}
		return b.put(rel, key, page)
	case strings.HasPrefix(rel, "css/") || strings.HasPrefix(rel, "js/"):
		if b.recorded(rel) {
			return nil // made by an earlier run, the same
		}
		return b.put(rel, assetKey, data)
	case lp != nil && lp.body != "":
		page, err := finishPage(m, rel, data, placeMarker, lp.body)
		if err != nil {
			return err
		}
		return b.put(rel, lp.key, page)
	case lp != nil:
		min, err := minifyFile(m, rel, data)
		if err != nil {
			return err
		}
		return b.put(rel, lp.key, min)
	}
	return fmt.Errorf("hugo made %s, which no page of this build should make: check the layouts", rel)
}

// finishPage minifies the frame Hugo rendered and puts the report's own
// HTML (already minified) where the frame's marker is.
func finishPage(m minifyer, rel string, frame []byte, marker, own string) ([]byte, error) {
	if bytes.Count(frame, []byte(marker)) != 1 {
		return nil, fmt.Errorf("%s: the layout must hold the report's text once: {{ partial \"report-body.html\" . }} (see layouts/reports/page.html)", rel)
	}
	frame = bytes.Replace(frame, []byte(marker), []byte("<govreport-splice></govreport-splice>"), 1)
	min, err := minifyFile(m, rel, frame)
	if err != nil {
		return nil, err
	}
	before, after, ok := bytes.Cut(min, []byte("<govreport-splice></govreport-splice>"))
	if !ok {
		return nil, fmt.Errorf("%s: the minifier dropped the report's place", rel)
	}
	if b, ok := bytes.CutSuffix(before, []byte("</p>")); ok && closesP(own) {
		before = b // the minifier kept it only for the marker
	}
	page := make([]byte, 0, len(before)+len(own)+len(after))
	page = append(append(append(page, before...), own...), after...)
	return page, nil
}

// closesP reports whether HTML starting with html closes an open <p>, so
// that its end tag may be left out.
func closesP(html string) bool {
	for _, tag := range []string{"<h2", "<h3", "<p", "<nav", "<table", "<div", "<ul", "<ol", "<dl"} {
		if strings.HasPrefix(html, tag) && len(html) > len(tag) && strings.ContainsRune(" >", rune(html[len(tag)])) {
			return true
		}
	}
	return false
}

// shell returns a report page's front matter for Hugo.
func (b *builder) shell(pg *Page) []byte { return shellOf(pg.Doc, b.navOf(pg.Doc.Meta)) }

// inputFiles hashes every file a build reads, by path relative to the
// project: when their key (inputKey) equals the last build's, and that
// site is as published, there is nothing to do.
func inputFiles(root string) (map[string]string, error) {
	var rels []string
	for _, part := range []string{"config.toml", "content", "sources", "layouts", "static", "assets", "i18n", "archetypes", "data"} {
		info, err := os.Lstat(filepath.Join(root, part))
		switch {
		case errors.Is(err, fs.ErrNotExist):
			continue
		case err != nil:
			return nil, err
		case !info.IsDir():
			rels = append(rels, part)
			continue
		}
		files, odd, err := listTree(filepath.Join(root, part), func(rel string) bool {
			return part == "data" && rel == "indicators" // the build's own output
		})
		if err != nil {
			return nil, err
		}
		for _, rel := range append(files, odd...) { // a link is read through
			rels = append(rels, part+"/"+rel)
		}
	}
	sums := make([]string, len(rels))
	errs := make([]error, len(rels))
	parallelIO(len(rels), func(i int) {
		data, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(rels[i])))
		sum := sha256.Sum256(data)
		sums[i], errs[i] = hex.EncodeToString(sum[:]), err
	})
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	files := make(map[string]string, len(rels))
	for i, rel := range rels {
		files[rel] = sums[i]
	}
	return files, nil
}

// inputKey is the key of a build's inputs: its files, the program and the
// address.
func inputKey(files map[string]string, baseURL string) string {
	parts := []string{"inputs", Version(), baseURL}
	for _, rel := range sortedKeys(files) {
		parts = append(parts, rel, files[rel])
	}
	return keyOf(parts...)
}

// hugoInputs hashes what Hugo's output depends on besides content: the
// program, the address, the config, layouts, style sheets and data.
func hugoInputs(root, baseURL string) (string, error) {
	h := sha256.New()
	fmt.Fprintf(h, "govreport %s\nbaseURL %s\n", Version(), baseURL)
	skip := func(rel string) bool { return rel == "indicators" }
	for _, part := range hugoParts {
		var s func(string) bool
		if part == "data" {
			s = skip
		}
		if err := treeHash(h, s, filepath.Join(root, filepath.FromSlash(part))); err != nil {
			return "", err
		}
	}
	return fmt.Sprintf("%x", h.Sum(nil)), nil
}

// stampsEqual reports whether two sets of file stamps are the same.
func stampsEqual(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// inProject names the project's own files in an error about the working
// project the build runs Hugo in: its layouts, config and assets, which are
// copies of the project's. Other paths are left as they are: a write that
// failed in a temporary folder is named there.
func inProject(err error, work, root string) error {
	msg := err.Error()
	for _, part := range hugoParts {
		from := filepath.Join(work, filepath.FromSlash(part))
		msg = strings.ReplaceAll(msg, from, filepath.Join(root, filepath.FromSlash(part)))
	}
	return errors.New(msg)
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
