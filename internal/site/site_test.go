package site

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gohugoio/hugo/hugolib"
	"golang.org/x/tools/txtar"
)

// miniConfig is the markup setup a govreport project uses.
const miniConfig = `
-- config.toml --
baseURL = "https://example.gov.cn/"  # no path: see TestHugoBaseURL
title = "政府工作报告"
locale = "zh-CN"          # languageCode is deprecated since v0.158
defaultContentLanguage = "zh"
hasCJKLanguage = true
# No taxonomies; RSS carries a build-independent lastBuildDate but is unused.
disableKinds = ["taxonomy", "term", "rss"]
enableRobotsTXT = true
relativeURLs = true

[markup.goldmark.renderer]
unsafe = false            # raw HTML in Markdown becomes <!-- raw HTML omitted -->
[markup.goldmark.extensions]
typographer = false       # legacy bool form; same as [..typographer] disable = true
[markup.goldmark.extensions.cjk]
enable = true
eastAsianLineBreaks = true  # a newline between CJK chars is dropped, not a space
# "simple" (default) only joins Han/Kana/U+3000-303F; a line ending in a
# fullwidth "，" (U+FF0C) would still become a space. css3draft joins F/W/H.
eastAsianLineBreaksStyle = "css3draft"
[markup.goldmark.parser]
autoHeadingID = true
[markup.goldmark.parser.attribute]
block = true              # {#id} on the line after a paragraph
title = true              # ## heading {#id}
`

const miniContent = `
-- content/_index.md --
---
title: 首页
---
-- content/reports/_index.md --
---
title: 报告
---
-- content/reports/x/index.md --
---
title: 2024年政府工作报告
date: 2024-03-05
---

## 一、回顾 {#s1}

过去一年，我们坚持稳中求进，
经济社会发展取得新成效。"引号" 'single' -- dash ... end
{#s1-p1}

<script>alert("x")</script>

![图](chart.svg)

[链接](/reports/) [bundle](chart.svg) [ext](https://www.gov.cn/)
-- content/reports/x/chart.svg --
<svg xmlns="http://www.w3.org/2000/svg"/>
-- static/css/site.css --
body{}
-- data/meta.toml --
org = "某某市人民政府"
`

// Legacy (pre-0.146) layout names; still honoured by v0.165.
const legacyLayouts = `
-- layouts/_default/baseof.html --
<!DOCTYPE html>
<html lang="{{ site.Language.Locale }}"><head><meta charset="utf-8"><title>{{ .Title }}</title>
<link rel="stylesheet" href="{{ "css/site.css" | relURL }}"></head>
<body><nav><a href="{{ site.Home.RelPermalink }}">{{ hugo.Data.meta.org }}</a></nav>
{{ block "main" . }}{{ end }}</body></html>
-- layouts/_default/single.html --
{{ define "main" }}<article><h1>{{ .Title }}</h1>{{ .Content }}</article>{{ end }}
-- layouts/_default/list.html --
{{ define "main" }}<h1>LIST {{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}
`

// New (0.146+) layout names.
const newLayouts = `
-- layouts/baseof.html --
<!DOCTYPE html>
<html lang="{{ site.Language.Locale }}"><head><meta charset="utf-8"><title>{{ .Title }}</title>
<link rel="stylesheet" href="{{ "css/site.css" | relURL }}"></head>
<body><nav><a href="{{ site.Home.RelPermalink }}">{{ hugo.Data.meta.org }}</a></nav>
{{ block "main" . }}{{ end }}</body></html>
-- layouts/page.html --
{{ define "main" }}<article><h1>{{ .Title }}</h1>{{ .Content }}</article>{{ end }}
-- layouts/section.html --
{{ define "main" }}<h1>SECTION {{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}
-- layouts/home.html --
{{ define "main" }}<h1>HOME {{ .Title }}</h1><ul>{{ range .Sections }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}
`

// writeTxtar writes a txtar archive (the shape of Hugo's own integration
// tests) into a fresh temp dir and returns it.
func writeTxtar(t testing.TB, archives ...string) string {
	t.Helper()
	dir := t.TempDir()
	for _, a := range archives {
		for _, f := range txtar.Parse([]byte(a)).Files {
			name := filepath.Join(dir, filepath.FromSlash(f.Name))
			if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(name, f.Data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	return dir
}

func build(t testing.TB, root string, baseURL string) string {
	t.Helper()
	dest := filepath.Join(t.TempDir(), "public")
	err := Hugo(context.Background(), Options{Root: root, Dest: dest, BaseURL: baseURL, Logf: t.Logf})
	if err != nil {
		t.Fatalf("Hugo: %v", err)
	}
	return dest
}

func read(t testing.TB, dir, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func assertContains(t *testing.T, name, s string, subs ...string) {
	t.Helper()
	for _, sub := range subs {
		if neg, ok := strings.CutPrefix(sub, "! "); ok {
			if strings.Contains(s, neg) {
				t.Errorf("%s: unexpected %q in:\n%s", name, neg, s)
			}
		} else if !strings.Contains(s, sub) {
			t.Errorf("%s: missing %q in:\n%s", name, sub, s)
		}
	}
}

func TestHugoMarkdown(t *testing.T) {
	for _, tc := range []struct{ name, layouts, listMark, homeMark string }{
		{"legacy", legacyLayouts, "LIST 报告", "LIST 首页"},
		{"new", newLayouts, "SECTION 报告", "HOME 首页"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root := writeTxtar(t, miniConfig, miniContent, tc.layouts)
			pub := build(t, root, "")
			page := read(t, pub, "reports/x/index.html")
			t.Logf("page:\n%s", page)
			assertContains(t, "page", page,
				`<h2 id="s1">一、回顾</h2>`,
				`<p id="s1-p1">`,
				"稳中求进，经济社会", // CJK soft break dropped
				"<!-- raw HTML omitted -->",
				"! <script>",
				"&quot;引号&quot; 'single' -- dash ... end", // no typographer
				"! &ldquo;", "! &ndash;", "! &hellip;",
				`<nav><a href="../../">某某市人民政府</a>`, // relativeURLs
				`href="../../css/site.css"`,
				`src="chart.svg"`,
			)
			assertContains(t, "section", read(t, pub, "reports/index.html"), tc.listMark, `href="../reports/x/"`)
			assertContains(t, "home", read(t, pub, "index.html"), tc.homeMark)
			assertContains(t, "sitemap", read(t, pub, "sitemap.xml"), "<loc>https://example.gov.cn/reports/x/</loc>")
			assertContains(t, "robots", read(t, pub, "robots.txt"), "User-agent: *")
			for _, f := range []string{"reports/x/chart.svg"} { // static/ is copied by Build, not by Hugo
				read(t, pub, f)
			}
			for _, f := range []string{"index.xml", "tags", "categories"} {
				if _, err := os.Stat(filepath.Join(pub, f)); err == nil {
					t.Errorf("%s should not exist", f)
				}
			}
			// Nothing written into the project dir (no resources/_gen, no .hugo_build.lock).
			var extra []string
			filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
				rel, _ := filepath.Rel(root, p)
				top := strings.Split(filepath.ToSlash(rel), "/")[0]
				switch top {
				case ".", "config.toml", "content", "layouts", "static", "data":
				default:
					extra = append(extra, rel)
				}
				return nil
			})
			if len(extra) > 0 {
				t.Errorf("build littered the project dir: %v", extra)
			}
		})
	}
}

// A sub-path baseURL given by the caller overrides config.toml. With
// relativeURLs it is refused (Hugo emits "../../xxgk/..." links); without it
// links are root-relative and include the sub-path.
func TestHugoBaseURL(t *testing.T) {
	root := writeTxtar(t, miniConfig, miniContent, newLayouts)
	err := Hugo(context.Background(), Options{Root: root, Dest: filepath.Join(t.TempDir(), "p"), BaseURL: "/xxgk/zfgzbg/"})
	if err == nil || !strings.Contains(err.Error(), "relativeURLs") {
		t.Fatalf("want relativeURLs error, got %v", err)
	}

	cfg := strings.Replace(miniConfig, "relativeURLs = true", "relativeURLs = false", 1)
	root = writeTxtar(t, cfg, miniContent, newLayouts)
	for _, tc := range []struct{ base, loc string }{
		{"/xxgk/zfgzbg/", "<loc>/xxgk/zfgzbg/reports/x/</loc>"}, // not a valid sitemap URL
		{"https://example.gov.cn/xxgk/zfgzbg/", "<loc>https://example.gov.cn/xxgk/zfgzbg/reports/x/</loc>"},
	} {
		pub := build(t, root, tc.base)
		assertContains(t, tc.base, read(t, pub, "reports/x/index.html"),
			`href="/xxgk/zfgzbg/css/site.css"`, `<a href="/xxgk/zfgzbg/">`, `src="chart.svg"`)
		assertContains(t, tc.base, read(t, pub, "reports/index.html"), `href="/xxgk/zfgzbg/reports/x/"`)
		assertContains(t, tc.base, read(t, pub, "sitemap.xml"), tc.loc)
	}
}

// For opening from file:// (and serving under any sub-path) the combination
// that works is relativeURLs + uglyURLs (links end in .html, never in a
// directory) + Hugo's embedded link/image render hooks, which resolve
// bundle-relative Markdown links to the resource's real location (with
// uglyURLs the page is reports/x.html but its resources stay in reports/x/).
func TestHugoFileURLs(t *testing.T) {
	cfg := strings.Replace(miniConfig, "relativeURLs = true", `relativeURLs = true
uglyURLs = true
[markup.goldmark.renderHooks.image]
useEmbedded = "always"
[markup.goldmark.renderHooks.link]
useEmbedded = "always"
`, 1)
	root := writeTxtar(t, cfg, miniContent, newLayouts)
	pub := build(t, root, "")
	assertContains(t, "home", read(t, pub, "index.html"),
		`href="./css/site.css"`, `<a href="./reports/index.html">报告</a>`)
	assertContains(t, "section", read(t, pub, "reports/index.html"),
		`<a href="../index.html">`, `<a href="../reports/x.html">`)
	assertContains(t, "page", read(t, pub, "reports/x.html"),
		`href="../css/site.css"`, `<a href="../index.html">`,
		`<img src="../reports/x/chart.svg" alt="图">`,
		`<a href="../reports/index.html">链接</a>`,
		`<a href="../reports/x/chart.svg">bundle</a>`,
		`<a href="https://www.gov.cn/">ext</a>`)
	read(t, pub, "reports/x/chart.svg")
}

// No network: resources.GetRemote is refused by the security policy before
// any connection is attempted.
func TestHugoNoNetwork(t *testing.T) {
	root := writeTxtar(t, miniConfig, miniContent, newLayouts, `
-- layouts/home.html --
{{ define "main" }}{{ with try (resources.GetRemote "https://example.com/x.css") }}{{ with .Err }}ERR {{ . }}{{ end }}{{ end }}{{ end }}
`)
	pub := build(t, root, "")
	assertContains(t, "home", read(t, pub, "index.html"), "ERR", "is not whitelisted in policy")
}

// Two builds of the same project are byte-identical.
func TestHugoDeterministic(t *testing.T) {
	root := writeTxtar(t, miniConfig, miniContent, newLayouts)
	a, b := build(t, root, ""), build(t, root, "")
	if files := sameTrees(t, a, b); files < 5 {
		t.Fatalf("only %d files built", files)
	}
}

// A template error is returned (not a panic or os.Exit) and names file:line.
func TestHugoTemplateError(t *testing.T) {
	root := writeTxtar(t, miniConfig, miniContent, newLayouts, `
-- layouts/page.html --
{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ .Foo.Bar }}
{{ end }}
`)
	err := Hugo(context.Background(), Options{Root: root, Dest: filepath.Join(t.TempDir(), "public"), Logf: t.Logf})
	if err == nil {
		t.Fatal("expected error")
	}
	t.Logf("error: %v", err)
	assertContains(t, "error", err.Error(), "page.html:3:7")

	root = writeTxtar(t, miniConfig, miniContent, newLayouts, `
-- layouts/page.html --
{{ define "main" }}
{{ if .Title }}
{{ end }}
`)
	err = Hugo(context.Background(), Options{Root: root, Dest: filepath.Join(t.TempDir(), "public"), Logf: t.Logf})
	if err == nil {
		t.Fatal("expected parse error")
	}
	t.Logf("parse error: %v", err)
	// Names the base template that pulls page.html in, plus page.html:line.
	assertContains(t, "parse error", err.Error(), "baseof.html:", "page.html:4: unexpected EOF")

	root = writeTxtar(t, miniConfig, miniContent, newLayouts, `
-- content/reports/y.md --
---
title: [bad
---
`)
	err = Hugo(context.Background(), Options{Root: root, Dest: filepath.Join(t.TempDir(), "public"), Logf: t.Logf})
	if err == nil {
		t.Fatal("expected front matter error")
	}
	t.Logf("front matter error: %v", err)
	assertContains(t, "front matter error", err.Error(), "content/reports/y.md:")
}

func BenchmarkHugo(b *testing.B) {
	root := writeTxtar(b, miniConfig, miniContent, newLayouts)
	dest := filepath.Join(b.TempDir(), "public")
	for b.Loop() {
		if err := Hugo(context.Background(), Options{Root: root, Dest: dest}); err != nil {
			b.Fatal(err)
		}
	}
}

// Hugo's own txtar integration-test helper is exported from a non-_test file
// (hugolib/integrationtest_builder.go) and works from outside, on an
// in-memory fs. It does not go through Hugo() (no security flags, no static
// copy), and it is Hugo-internal API, so site tests use writeTxtar+Hugo.
func TestHugolibTestHelper(t *testing.T) {
	b := hugolib.Test(t, miniConfig+miniContent+newLayouts)
	b.AssertFileContent("public/reports/x/index.html", `<h2 id="s1">一、回顾</h2>`, `<p id="s1-p1">`, "! <script>")
}

// sameTrees reports every file of tree a that differs in tree b and
// returns how many files a has.
func sameTrees(t *testing.T, a, b string) int {
	t.Helper()
	files := 0
	err := filepath.WalkDir(a, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		files++
		rel, _ := filepath.Rel(a, p)
		x, _ := os.ReadFile(p)
		y, err := os.ReadFile(filepath.Join(b, rel))
		if err != nil || !bytes.Equal(x, y) {
			t.Errorf("%s differs between builds (%v)", rel, err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}
