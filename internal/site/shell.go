package site

import (
	"bytes"
	"context"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/spf13/afero"

	"github.com/govreport/govreport/internal/report"
)

// Hugo renders the site's frame: the page around each report's text (its
// metadata block, downloads, navigation, the portal's header, footer and
// <meta> set) and the list pages. It reads content that the build writes
// for it into a working project: each report as front matter only (the
// text is spliced in afterwards, see render.go), each list page with the
// data it lists. A run renders only the pages that changed, in batches, so
// its memory is bounded by the batch, not by the archive.

// batchSize is how many reports one Hugo run renders.
const batchSize = 500

// kindsAlways are the page kinds no run renders: the site's lists are
// pages the build makes (home, places, years), and its sitemap is written
// by the build, which knows every page.
var kindsAlways = []string{"section", "taxonomy", "term", "rss", "sitemap", "404"}

// shell is what a report page's layout sees of the report: its front
// matter as Hugo reads it.
type shell struct {
	Title       string `json:"title"`
	Date        string `json:"date,omitempty"`
	Slug        string `json:"slug"`
	Year        int    `json:"year,omitempty"`
	Subtitle    string `json:"subtitle,omitempty"`
	Speaker     string `json:"speaker,omitempty"`
	Place       string `json:"place,omitempty"`
	SourceURL   string `json:"source_url,omitempty"`
	IndexNo     string `json:"index_no,omitempty"`
	Publisher   string `json:"publisher,omitempty"`
	WrittenDate string `json:"written_date,omitempty"`
	PubDate     string `json:"pub_date,omitempty"`
	DocNo       string `json:"doc_no,omitempty"`
	Topic       string `json:"topic,omitempty"`
	Disclosure  string `json:"disclosure,omitempty"`
	Validity    string `json:"validity,omitempty"`
	Description string `json:"description,omitempty"`
	// Which names place and year in the page's <title> when its title
	// names neither (政府工作报告 → （沙沟镇 2020年）), so that tabs,
	// bookmarks and search results tell reports apart.
	Which string `json:"which,omitempty"`
	// PubDate is the 发布日期 the page shows: pub_date, else the date the
	// report was given; the metadata block and <meta name=PubDate> agree.
	PubDateShown string `json:"pubday,omitempty"`
	Nav          any    `json:"nav,omitempty"`
}

// shellOf returns the front matter of a report's page for Hugo.
func shellOf(doc *report.Doc, nav any) []byte {
	m := doc.Meta
	s := shell{
		Title: displayTitle(m), Date: m.Date, Which: which(m), PubDateShown: firstNonEmpty(m.PubDate, m.Date), Slug: m.Slug, Year: m.Year, Subtitle: m.Subtitle,
		Speaker: m.Speaker, Place: m.Place, SourceURL: m.SourceURL, IndexNo: m.IndexNo,
		Publisher: m.Publisher, WrittenDate: m.WrittenDate, PubDate: m.PubDate, DocNo: m.DocNo,
		Topic: m.Topic, Disclosure: m.Disclosure, Validity: m.Validity,
		Description: description(doc), Nav: nav,
	}
	return frontMatter(s)
}

// displayTitle is a report's title, or for one the import found none, a
// plain one from its place.
func displayTitle(m report.Meta) string {
	if m.Title != "" {
		return m.Title
	}
	return m.Place + "政府工作报告"
}

// yearInTitle finds a year written in a title, in digits or numerals.
var yearInTitle = regexp.MustCompile(`\d{4}\s*年|[〇零○一二三四五六七八九]{4}年`)

// which names the place and the year a report reviews, for its <title>,
// when its title names neither: （沙沟镇 2020年）.
func which(m report.Meta) string {
	t := displayTitle(m)
	var w []string
	if m.Place != "" && !strings.Contains(t, m.Place) {
		w = append(w, m.Place)
	}
	if m.Year > 0 && !yearInTitle.MatchString(t) {
		w = append(w, strconv.Itoa(m.Year)+"年")
	}
	if len(w) == 0 {
		return ""
	}
	return "（" + strings.Join(w, " ") + "）"
}

// description is the start of a report's text for <meta name=Description>:
// its blocks joined by spaces, without the salutation, cut at 80
// characters.
func description(doc *report.Doc) string {
	var b strings.Builder
	for _, blk := range doc.Blocks {
		if b.Len() > 400 {
			break
		}
		c := strings.Join(strings.Fields(blk.Content()), " ")
		if c == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(c)
	}
	s := strings.TrimSpace(strings.TrimPrefix(b.String(), "各位代表："))
	if utf8.RuneCountInString(s) <= 80 {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:80])) + " …"
}

// hugoProject is the working project the Hugo runs of a build share: the
// project's config, layouts and assets, and content the build writes.
type hugoProject struct {
	dir       string
	publicURL string
	logf      func(string, ...any)
	runs      int
}

// newHugoProject copies what Hugo reads of root, but content, into a new
// folder under root/.govreport, which the caller removes.
func newHugoProject(root, publicURL string, logf func(string, ...any)) (*hugoProject, error) {
	dir, err := os.MkdirTemp(filepath.Join(root, stateDir), "work-")
	if err != nil {
		return nil, err
	}
	for _, part := range hugoParts {
		from := filepath.Join(root, part)
		info, err := os.Stat(from)
		switch {
		case os.IsNotExist(err):
			continue
		case err != nil:
			return nil, err
		case info.IsDir():
			err = copyTree(from, filepath.Join(dir, part), func(rel string) bool { return part == "data" && rel == "indicators" })
		default:
			var data []byte
			if data, err = os.ReadFile(from); err == nil {
				err = os.WriteFile(filepath.Join(dir, part), data, 0o644)
			}
		}
		if err != nil {
			return nil, err
		}
	}
	return &hugoProject{dir: dir, publicURL: publicURL, logf: logf}, nil
}

// hugoParts are what Hugo reads of a project, besides content; static/
// only for its style sheets (static/css is mounted as assets), the rest of
// static/ being copied by the build itself.
var hugoParts = []string{"config.toml", "layouts", "static/css", "assets", "i18n", "data"}

// copyTree copies the regular files under from into to, skipping what
// skip names (by path relative to from, with /).
func copyTree(from, to string, skip func(rel string) bool) error {
	return filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel := slashRel(from, p)
		if rel != "." && skip != nil && skip(rel) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() || !d.Type().IsRegular() {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		dst := filepath.Join(to, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		return os.WriteFile(dst, data, 0o644)
	})
}

// run renders the given content files (path in content/ → file) into
// memory and returns what Hugo published, by path in the site. lists says
// whether the run renders the home page (and robots.txt) besides the pages.
func (hp *hugoProject) run(ctx context.Context, files map[string][]byte, lists bool) (map[string][]byte, error) {
	content := filepath.Join(hp.dir, "content")
	if err := os.RemoveAll(content); err != nil {
		return nil, err
	}
	for name, data := range files {
		p := filepath.Join(content, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return nil, err
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			return nil, err
		}
	}
	hp.runs++
	kinds := kindsAlways
	if !lists {
		kinds = append(append([]string{}, kinds...), "home", "robotstxt")
	}
	mem := afero.NewMemMapFs()
	dest, err := filepath.Abs(filepath.Join(hp.dir, "public"))
	if err != nil {
		return nil, err
	}
	if err := Hugo(ctx, Options{Root: hp.dir, Dest: dest, PublicURL: hp.publicURL, Logf: hp.logf, DisableKinds: kinds, Publish: mem}); err != nil {
		return nil, err
	}
	out := map[string][]byte{}
	err = afero.Walk(mem, dest, func(p string, info fs.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return err
		}
		data, err := afero.ReadFile(mem, p)
		if err != nil {
			return err
		}
		out[slashRel(dest, p)] = data
		return nil
	})
	return out, err
}

// frontMatter returns a content file of front matter alone, as JSON.
func frontMatter(v any) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v)
	return b.Bytes()
}
