package site

// Issue 8: a build never writes outside its output, never deletes an
// input, never publishes a private file, and never leaves a half-done site.

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/govreport/govreport/internal/pdf"
	"github.com/govreport/govreport/internal/search"
)

// TestSlugCannotEscape: a slug in front matter that is no page name stops
// the build, naming the file and line, before anything is written.
func TestSlugCannotEscape(t *testing.T) {
	for _, slug := range []string{"../../../../tmp/x", "a/b", "Ab", "a b", "-x", ".."} {
		root := siteProject(t, strings.Replace(govContent, `slug = "2023-qingshan-zhen"`, "slug = "+tomlQuote(slug), 1))
		outside := filepath.Join(root, "..")
		before := listDir(t, outside)
		err := Build(context.Background(), BuildOptions{Root: root, Out: filepath.Join(root, "public")})
		want := filepath.Join(root, "content", "reports", "2023-qingshan-zhen", "index.md") + ":6: slug"
		if err == nil || !strings.HasPrefix(err.Error(), want) {
			t.Errorf("slug %q: err = %v, want it to start %q", slug, err, want)
		}
		if after := listDir(t, outside); after != before {
			t.Errorf("slug %q: the build wrote next to the project:\n%s", slug, after)
		}
		if _, err := os.Stat(filepath.Join(root, "public")); err == nil {
			t.Errorf("slug %q: a site was published", slug)
		}
	}
}

func tomlQuote(s string) string { return `"` + strings.ReplaceAll(s, `"`, `\"`) + `"` }

// listDir names the entries of dir.
func listDir(t *testing.T, dir string) string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return strings.Join(names, "\n")
}

// TestOutputRefused: an output that is the project, a folder holding it,
// an input or inside one, a file, or a folder of other files is refused
// before anything is written; --force replaces the last kind only.
func TestOutputRefused(t *testing.T) {
	root := siteProject(t, govContent, "-- notes/a.txt --\nmine\n")
	mustWrite(t, filepath.Join(root, "file.txt"), []byte("a file"))
	for _, tc := range []struct{ out, want string }{
		{".", "is the project"},
		{"..", "folder holding it"},
		{"content", "inside the project's content"},
		{"content/x", "inside the project's content"},
		{"layouts", "inside the project's layouts"},
		{"sources", "inside the project's sources"},
		{"static/site", "inside the project's static"},
		{"config.toml", "inside the project's config.toml"},
		{".git", "inside the project's .git"},
		{"file.txt", "is a file"},
		{"notes", "did not publish"},
	} {
		before := snapshot(t, root)
		err := Build(context.Background(), BuildOptions{Root: root, Out: filepath.Join(root, tc.out)})
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("-o %s: err = %v, want %q", tc.out, err, tc.want)
		}
		if after := snapshot(t, root); after != before {
			t.Errorf("-o %s: the project changed", tc.out)
		}
	}
	if err := Build(context.Background(), BuildOptions{Root: root, Out: filepath.Join(root, "notes"), Force: true}); err != nil {
		t.Errorf("--force into a folder of other files: %v", err)
	}
	// A symbolic link to the project is the project.
	link := filepath.Join(t.TempDir(), "link")
	if err := os.Symlink(root, link); err != nil {
		t.Fatal(err)
	}
	if err := Build(context.Background(), BuildOptions{Root: root, Out: link}); err == nil {
		t.Error("-o a link to the project: no error")
	}
}

// TestRebuildReplacesOwnOutput: a folder this project published before is
// replaced without --force, and nothing is left next to it.
func TestRebuildReplacesOwnOutput(t *testing.T) {
	root := siteProject(t, govContent)
	out := filepath.Join(root, "public")
	for i := range 2 {
		if err := Build(context.Background(), BuildOptions{Root: root, Out: out}); err != nil {
			t.Fatalf("build %d: %v", i+1, err)
		}
	}
	if got := listDir(t, root); strings.Contains(got, "govreport-") || strings.Contains(got, ".old") {
		t.Errorf("left next to the output:\n%s", got)
	}
}

// TestConcurrentBuilds: builds of one project at once take turns: all
// succeed, and the site is whole.
func TestConcurrentBuilds(t *testing.T) {
	root := siteProject(t, govContent)
	out := filepath.Join(root, "public")
	var wg sync.WaitGroup
	errs := make([]error, 4)
	for i := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = Build(context.Background(), BuildOptions{Root: root, Out: out})
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("build %d: %v", i, err)
		}
	}
	read(t, out, "reports/2023-qingshan-zhen.html")
}

// TestStaleTempsRemoved: what a killed build left (its temporary folders
// next to the output, its working project) goes at the next build.
func TestStaleTempsRemoved(t *testing.T) {
	root := siteProject(t, govContent)
	out := filepath.Join(root, "public")
	for _, d := range []string{".public.govreport-new-123", ".public-new-456", "public.old", ".govreport/work-789"} {
		mustWrite(t, filepath.Join(root, d, "reports", "x.html"), []byte("half"))
	}
	if err := Build(context.Background(), BuildOptions{Root: root, Out: out}); err != nil {
		t.Fatal(err)
	}
	for _, d := range []string{".public.govreport-new-123", ".public-new-456", "public.old", ".govreport/work-789"} {
		if _, err := os.Stat(filepath.Join(root, d)); err == nil {
			t.Errorf("%s is still there", d)
		}
	}
}

// TestCancelledBuildLeavesNothing: a build stopped by its context (Ctrl+C,
// SIGTERM) publishes nothing and leaves no temporary folder.
func TestCancelledBuildLeavesNothing(t *testing.T) {
	root := siteProject(t, govContent)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := Build(ctx, BuildOptions{Root: root, Out: filepath.Join(root, "public")}); err == nil {
		t.Fatal("a cancelled build succeeded")
	}
	if got := listDir(t, root); strings.Contains(got, "public") {
		t.Errorf("left: %s", got)
	}
	if work, _ := filepath.Glob(filepath.Join(root, stateDir, "work-*")); len(work) > 0 {
		t.Errorf("left: %v", work)
	}
}

// TestPublishesOnlyTheSite: files left in a report folder and hidden files
// or editor leftovers in static/ are not published, and the log names each.
func TestPublishesOnlyTheSite(t *testing.T) {
	root := siteProject(t, govContent, `
-- content/reports/2023-qingshan-zhen/notes.txt --
draft
-- content/reports/2023-qingshan-zhen/index.md.bak --
before redaction
-- static/.DS_Store --
x
-- static/.git/config --
x
-- static/draft.txt~ --
x
-- static/img/logo.svg --
<svg xmlns="http://www.w3.org/2000/svg"></svg>
-- static/old.orig --
x
`)
	out := filepath.Join(root, "public")
	log := buildLogged(t, root, out)
	for _, leaked := range []string{"notes.txt", "index.md.bak", ".DS_Store", ".git", "draft.txt~", "old.orig"} {
		found := false
		_ = filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
			found = found || err == nil && d.Name() == leaked
			return nil
		})
		if found {
			t.Errorf("%s was published", leaked)
		}
		if !strings.Contains(log, leaked) {
			t.Errorf("the log does not name the skipped %s:\n%s", leaked, log)
		}
	}
	read(t, out, "img/logo.svg")
}

// TestStaticLinks: a symbolic link in static/ to a file inside the
// project is followed; one leading outside is refused, naming the link.
func TestStaticLinks(t *testing.T) {
	root := siteProject(t, govContent, "-- assets-src/logo.svg --\n<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>\n")
	if err := os.Symlink(filepath.Join(root, "assets-src", "logo.svg"), filepath.Join(root, "static", "logo.svg")); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(root, "public")
	buildLogged(t, root, out)
	read(t, out, "logo.svg")

	secret := filepath.Join(t.TempDir(), "secret.txt")
	mustWrite(t, secret, []byte("secret"))
	if err := os.Symlink(secret, filepath.Join(root, "static", "secret.txt")); err != nil {
		t.Fatal(err)
	}
	err := Build(context.Background(), BuildOptions{Root: root, Out: out})
	if err == nil || !strings.Contains(err.Error(), "static/secret.txt") || !strings.Contains(err.Error(), "outside the project") {
		t.Errorf("a link out of the project: %v", err)
	}
	if err := os.Remove(filepath.Join(root, "static", "secret.txt")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(root, "nowhere"), filepath.Join(root, "static", "gone.txt")); err != nil {
		t.Fatal(err)
	}
	err = Build(context.Background(), BuildOptions{Root: root, Out: out})
	if err == nil || !strings.Contains(err.Error(), "static/gone.txt") {
		t.Errorf("a dangling link: %v", err)
	}
}

// TestSameSlugTwice: a report folder copied to start next year's report
// keeps its slug; the build names both files instead of mixing them.
func TestSameSlugTwice(t *testing.T) {
	copied := strings.Replace(govContent, "content/reports/2023-qingshan-zhen/", "content/reports/2024-qingshan-zhen/", 1)
	root := siteProject(t, govContent, copied)
	err := Build(context.Background(), BuildOptions{Root: root, Out: filepath.Join(root, "public")})
	if err == nil || !strings.Contains(err.Error(), filepath.Join("2023-qingshan-zhen", "index.md")) || !strings.Contains(err.Error(), filepath.Join("2024-qingshan-zhen", "index.md")) {
		t.Errorf("two reports with one slug: %v", err)
	}
}

// TestPublishFails: when the new site cannot be put in place, the old one
// stays as it was, content/ and data/ are not written back, nothing is
// left behind, and the next build works.
func TestPublishFails(t *testing.T) {
	root := siteProject(t, govContent)
	out := filepath.Join(root, "public")
	buildLogged(t, root, out)
	edited := strings.Replace(read(t, root, "content/reports/2023-qingshan-zhen/index.md"), "1200万元", "1300万元", 1)
	edited = strings.Replace(edited, "{#s1-p1}\n", "", 1) // the build would fill the id back in
	mustWrite(t, filepath.Join(root, "content", "reports", "2023-qingshan-zhen", "index.md"), []byte(edited))
	site, content, data := snapshot(t, out), snapshot(t, filepath.Join(root, "content")), snapshot(t, filepath.Join(root, "data"))
	publishSite = func(next, out string, later bool) error { return os.ErrPermission }
	err := Build(context.Background(), BuildOptions{Root: root, Out: out})
	publishSite = publish
	if err == nil {
		t.Fatal("no error")
	}
	if snapshot(t, out) != site || snapshot(t, filepath.Join(root, "content")) != content || snapshot(t, filepath.Join(root, "data")) != data {
		t.Error("a build that could not publish changed the site, content or data")
	}
	if got := listDir(t, root); strings.Contains(got, "govreport-") {
		t.Errorf("left: %s", got)
	}
	buildLogged(t, root, out)
	if !strings.Contains(read(t, out, "reports/2023-qingshan-zhen.html"), "1300万元") {
		t.Error("the next build did not publish the edit")
	}
}

// TestReuseNeverWrong: after any change to what a build reads, a build
// that reuses the last site's files gives byte for byte what a clean build
// gives.
func TestReuseNeverWrong(t *testing.T) {
	second := strings.NewReplacer("2023-qingshan-zhen", "2024-qingshan-zhen", "2023年", "2024年", "year = 2023", "year = 2024", "date = 2024-01-27", "date = 2025-01-20").Replace(govContent)
	edit := func(rel, old, new string) func(t *testing.T, root string) {
		return func(t *testing.T, root string) {
			p := filepath.Join(root, filepath.FromSlash(rel))
			data := read(t, root, rel)
			if !strings.Contains(data, old) {
				t.Fatalf("%s has no %q", rel, old)
			}
			mustWrite(t, p, []byte(strings.Replace(data, old, new, 1)))
		}
	}
	for _, tc := range []struct {
		name   string
		change func(t *testing.T, root string)
		base   string
	}{
		{"report text", edit("content/reports/2023-qingshan-zhen/index.md", "1200万元", "1250万元"), ""},
		{"report title", edit("content/reports/2024-qingshan-zhen/index.md", "2024年青山镇政府工作报告", "2024年青山镇人民政府工作报告"), ""},
		{"layout", edit("layouts/reports/page.html", "返回顶部", "回到顶部"), ""},
		{"config", edit("config.toml", `sitename = "XX镇人民政府"`, `sitename = "青山镇人民政府"`), ""},
		{"style sheet", edit("static/css/screen.css", "govreport", "govreport site"), ""},
		{"script", edit("static/js/site.js", "govreport", "govreport site"), ""},
		{"new report", func(t *testing.T, root string) {
			third := strings.ReplaceAll(second, "2024", "2025")
			for _, f := range txtar.Parse([]byte(third)).Files {
				mustWrite(t, filepath.Join(root, filepath.FromSlash(f.Name)), f.Data)
			}
		}, ""},
		{"report removed", func(t *testing.T, root string) {
			if err := os.RemoveAll(filepath.Join(root, "content", "reports", "2024-qingshan-zhen")); err != nil {
				t.Fatal(err)
			}
		}, ""},
		{"address", func(*testing.T, string) {}, "/xxgk/"},
		{"program", func(*testing.T, string) { versionForTest = "another build" }, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			defer func() { versionForTest = "" }()
			root := siteProject(t, govContent, second)
			out := filepath.Join(root, "public")
			buildLogged(t, root, out)
			tc.change(t, root)
			if err := Build(context.Background(), BuildOptions{Root: root, Out: out, BaseURL: tc.base}); err != nil {
				t.Fatal(err)
			}
			clean := filepath.Join(t.TempDir(), "public")
			if err := Build(context.Background(), BuildOptions{Root: root, Out: clean, BaseURL: tc.base}); err != nil {
				t.Fatal(err)
			}
			if a, b := strings.ReplaceAll(snapshot(t, out), out, ""), strings.ReplaceAll(snapshot(t, clean), clean, ""); a != b {
				t.Errorf("the rebuild differs from a clean build:\n%s", firstDiff(a, b))
			}
		})
	}
}

// firstDiff shows where two texts part.
func firstDiff(a, b string) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	lo := max(0, i-200)
	return fmt.Sprintf("rebuild: …%s…\nclean:   …%s…", a[lo:min(len(a), i+200)], b[lo:min(len(b), i+200)])
}

// TestBuildPDF: build --pdf prints each report into a PDF beside it and
// links it with its size; a rebuild with nothing changed prints nothing and
// gives the same bytes; an edited report is printed again.
func TestBuildPDF(t *testing.T) {
	if _, err := pdf.Chromium(); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal(err)
		}
		t.Skip(err)
	}
	root := siteProject(t, govContent)
	out := filepath.Join(root, "public")
	build := func() string {
		var log strings.Builder
		logf := func(format string, args ...any) { log.WriteString(fmt.Sprintf(format, args...) + "\n") }
		if err := Build(context.Background(), BuildOptions{Root: root, Out: out, PDF: true, Logf: logf}); err != nil {
			t.Fatal(err)
		}
		return log.String()
	}
	log := build()
	assertContains(t, "log", log, "1 PDF printed", "1 picture saved")
	if png := read(t, out, "reports/2023-qingshan-zhen/2023-qingshan-zhen-tu.png"); !strings.HasPrefix(png, "\x89PNG") {
		t.Error("no 一图读懂 picture")
	}
	assertContains(t, "tu page", read(t, out, "reports/2023-qingshan-zhen/tu.html"), "2023-qingshan-zhen-tu.png")
	pdfData := read(t, out, "reports/2023-qingshan-zhen/2023-qingshan-zhen.pdf")
	if !strings.HasPrefix(pdfData, "%PDF-") {
		t.Fatal("no PDF")
	}
	assertContains(t, "page", read(t, out, "reports/2023-qingshan-zhen.html"), `href="2023-qingshan-zhen/2023-qingshan-zhen.pdf" download>PDF（`)
	second := strings.NewReplacer("2023-qingshan-zhen", "2024-qingshan-zhen", "year = 2023", "year = 2024").Replace(govContent)
	for _, f := range txtar.Parse([]byte(second)).Files {
		mustWrite(t, filepath.Join(root, filepath.FromSlash(f.Name)), f.Data)
	}
	assertContains(t, "log", build(), "1 PDF printed, 1 reused", "1 picture saved, 1 reused")
	if read(t, out, "reports/2023-qingshan-zhen/2023-qingshan-zhen.pdf") != pdfData {
		t.Error("the first report's PDF changed")
	}
	site := snapshot(t, out)
	assertContains(t, "log", build(), "nothing changed")
	if snapshot(t, out) != site {
		t.Error("the rebuild changed the site")
	}
	edit := strings.Replace(read(t, root, "content/reports/2023-qingshan-zhen/index.md"), "1200万元", "1300万元", 1)
	mustWrite(t, filepath.Join(root, "content", "reports", "2023-qingshan-zhen", "index.md"), []byte(edit))
	assertContains(t, "log", build(), "1 PDF printed")
}

// TestEarlierOutputReplaced: a site an earlier govreport made, before
// builds kept manifests, is replaced without --force.
func TestEarlierOutputReplaced(t *testing.T) {
	root := siteProject(t, govContent, `
-- public/css/site.min.css --
html{}
-- public/sitemap.xml --
<urlset/>
-- public/reports/old.html --
old
`)
	if err := Build(context.Background(), BuildOptions{Root: root, Out: filepath.Join(root, "public")}); err != nil {
		t.Fatal(err)
	}
}

// TestPreview: a preview build (serve's, before the page reloads)
// publishes the edit, takes the unchanged reports' files (their folders
// moved whole) and the last search index from the last site as they were;
// when it cannot publish, the last site is as it was; the full build after
// it is not taken for up to date, indexes the edit, and gives what a clean
// build gives.
func TestPreview(t *testing.T) {
	second := strings.NewReplacer("2023-qingshan-zhen", "2024-qingshan-zhen", "2023年", "2024年", "year = 2023", "year = 2024", "date = 2024-01-27", "date = 2025-01-20").Replace(govContent)
	root := siteProject(t, govContent, second)
	out := filepath.Join(root, "public")
	buildLogged(t, root, out)
	index, kept := snapshot(t, filepath.Join(out, "search")), snapshot(t, filepath.Join(out, "reports", "2024-qingshan-zhen"))
	folder, err := os.Stat(filepath.Join(out, "reports", "2024-qingshan-zhen"))
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(root, "content", "reports", "2023-qingshan-zhen", "index.md")
	mustWrite(t, p, []byte(read(t, root, "content/reports/2023-qingshan-zhen/index.md")+"\n本段为预览新加的茶马古道。\n"))

	site := snapshot(t, out)
	publishSite = func(next, out string, later bool) error { return os.ErrPermission }
	err = Build(context.Background(), BuildOptions{Root: root, Out: out, Preview: true})
	publishSite = publish
	if err == nil {
		t.Fatal("no error")
	}
	if snapshot(t, out) != site {
		t.Error("a preview that could not publish changed the last site")
	}

	if err := Build(context.Background(), BuildOptions{Root: root, Out: out, Preview: true, Logf: t.Logf}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(read(t, out, "reports/2023-qingshan-zhen.html"), "茶马古道") {
		t.Error("the preview does not show the edit")
	}
	if got := snapshot(t, filepath.Join(out, "search")); got != index {
		t.Error("the preview changed the search index")
	}
	if got := snapshot(t, filepath.Join(out, "reports", "2024-qingshan-zhen")); got != kept {
		t.Errorf("the preview changed the unchanged report's files:\n%s\nwant\n%s", got, kept)
	}
	if moved, err := os.Stat(filepath.Join(out, "reports", "2024-qingshan-zhen")); err != nil || !os.SameFile(moved, folder) {
		t.Error("the unchanged report's folder was not moved across whole")
	}
	if got := listDir(t, filepath.Dir(out)); strings.Contains(got, "govreport-") {
		t.Errorf("left: %s", got)
	}

	buildLogged(t, root, out)
	if snapshot(t, filepath.Join(out, "search")) == index {
		t.Error("the build after a preview kept the stale index")
	}
	ix, err := search.Open(filepath.Join(out, "search"))
	if err != nil {
		t.Fatal(err)
	}
	res, err := ix.Query("茶马古道")
	if err != nil {
		t.Fatal(err)
	}
	if len(res) != 1 || !strings.HasPrefix(res[0].URL, "reports/2023-qingshan-zhen.html#") {
		t.Errorf("the full build's index finds %+v for the edit", res)
	}
	clean := filepath.Join(t.TempDir(), "public")
	buildLogged(t, root, clean)
	if got, want := strings.ReplaceAll(snapshot(t, out), out, ""), strings.ReplaceAll(snapshot(t, clean), clean, ""); got != want {
		t.Error("the build after a preview differs from a clean build")
	}
}

// TestUpToDate: a build with nothing changed says so and writes nothing;
// anything changed in the site or the inputs since makes it build, and
// the site is then as a clean build makes it.
func TestUpToDate(t *testing.T) {
	for _, tc := range []struct {
		name   string
		change func(t *testing.T, root, out string)
	}{
		{"a file added to the site", func(t *testing.T, root, out string) {
			mustWrite(t, filepath.Join(out, "reports", "notes.txt"), []byte("x"))
		}},
		{"a link added to the site", func(t *testing.T, root, out string) {
			if err := os.Symlink("index.html", filepath.Join(out, "reports", "link.html")); err != nil {
				t.Fatal(err)
			}
		}},
		{"a page of the site edited", func(t *testing.T, root, out string) {
			p := filepath.Join(out, "reports", "2023-qingshan-zhen.html")
			mustWrite(t, p, []byte(strings.Replace(read(t, out, "reports/2023-qingshan-zhen.html"), "镇", "乡", 1)))
		}},
		{"a file of the site removed", func(t *testing.T, root, out string) {
			if err := os.Remove(filepath.Join(out, "reports", "2023-qingshan-zhen", "indicators.csv")); err != nil {
				t.Fatal(err)
			}
		}},
		{"a static file added", func(t *testing.T, root, out string) {
			mustWrite(t, filepath.Join(root, "static", "img", "logo.txt"), []byte("x"))
		}},
		{"a layout edited", func(t *testing.T, root, out string) {
			p := filepath.Join(root, "layouts", "baseof.html")
			mustWrite(t, p, []byte(read(t, root, "layouts/baseof.html")+"\n"))
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root := siteProject(t, govContent)
			out := filepath.Join(root, "public")
			build := func() string {
				var log strings.Builder
				logf := func(format string, args ...any) { log.WriteString(fmt.Sprintf(format, args...) + "\n") }
				if err := Build(context.Background(), BuildOptions{Root: root, Out: out, Logf: logf}); err != nil {
					t.Fatal(err)
				}
				return log.String()
			}
			build()
			site := snapshot(t, out)
			assertContains(t, "log", build(), "nothing changed")
			if snapshot(t, out) != site {
				t.Fatal("a build with nothing changed changed the site")
			}
			tc.change(t, root, out)
			if log := build(); strings.Contains(log, "nothing changed") {
				t.Fatalf("taken for up to date:\n%s", log)
			}
			clean := filepath.Join(t.TempDir(), "public")
			if err := Build(context.Background(), BuildOptions{Root: root, Out: clean}); err != nil {
				t.Fatal(err)
			}
			if got, want := strings.ReplaceAll(snapshot(t, out), out, ""), strings.ReplaceAll(snapshot(t, clean), clean, ""); got != want {
				t.Error("the site differs from a clean build's")
			}
		})
	}
}

// TestIndicatorsLinked: data/indicators, the build's own output, may be a
// link to a folder of the project; the build reads past it as before.
func TestIndicatorsLinked(t *testing.T) {
	root := siteProject(t, govContent)
	out := filepath.Join(root, "public")
	buildLogged(t, root, out)
	ind := filepath.Join(root, "data", "indicators")
	if err := os.Rename(ind, filepath.Join(root, "indicators")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join("..", "indicators"), ind); err != nil {
		t.Fatal(err)
	}
	if err := Build(context.Background(), BuildOptions{Root: root, Out: out}); err != nil {
		t.Fatal(err)
	}
}
