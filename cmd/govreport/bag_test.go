package main

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/govreport/govreport/internal/markdown"
	"github.com/govreport/govreport/internal/testcorpus"
)

// builtProject lays out a project with the seed report and builds it.
func builtProject(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	if err := testcorpus.Project(root, true); err != nil {
		t.Fatal(err)
	}
	if code, _, errs := runCLI(t, "build", "--root", root, "-o", filepath.Join(root, "public")); code != 0 {
		t.Fatalf("build: %d %s", code, errs)
	}
	return root
}

// reportDates returns the number of reports in root's content and the
// newest of their front matter dates.
func reportDates(t *testing.T, root string) (int, string) {
	t.Helper()
	paths, _ := filepath.Glob(filepath.Join(root, "content", "reports", "*", "index.md"))
	newest := ""
	for _, p := range paths {
		data, _ := os.ReadFile(p)
		m, err := markdown.ParseMeta(p, data)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range []string{m.Date, m.WrittenDate, m.PubDate} {
			newest = max(newest, d)
		}
	}
	return len(paths), newest
}

// readEntry returns the content of the zip entry whose name ends in suffix.
func readEntry(t *testing.T, zipPath, suffix string) string {
	t.Helper()
	zr, err := zip.OpenReader(zipPath)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	for _, f := range zr.File {
		if strings.HasSuffix(f.Name, suffix) {
			rc, _ := f.Open()
			data, err := io.ReadAll(rc)
			rc.Close()
			if err != nil {
				t.Fatal(err)
			}
			return string(data)
		}
	}
	t.Fatalf("%s: no entry *%s", zipPath, suffix)
	return ""
}

func TestArchiveAndVerify(t *testing.T) {
	root := builtProject(t)
	code, _, errs := runCLI(t, "archive", "--root", root)
	if code != 0 {
		t.Fatalf("archive: %d %s", code, errs)
	}
	reports, date := reportDates(t, root)
	archive := filepath.Join(root, "govreport-archive-"+date+".zip")
	if _, err := os.Stat(archive); err != nil {
		t.Fatalf("no archive named by the newest report date: %v\n%s", err, errs)
	}
	info := readEntry(t, archive, "/bag-info.txt")
	for _, line := range []string{"Bagging-Date: " + date, "Report-Count: " + strconv.Itoa(reports), "Source-Organization: ", "Payload-Oxum: ", "File-Count: "} {
		if !strings.Contains(info, line) {
			t.Errorf("bag-info.txt lacks %q:\n%s", line, info)
		}
	}
	// The PDFs and everything else built go in as they are.
	pdf := filepath.Join(root, "public", "reports", "2023-xx-zhen", "2023-xx-zhen.pdf")
	if err := os.WriteFile(pdf, []byte("%PDF-1.7\n%%EOF\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, errs := runCLI(t, "archive", "--root", root); code != 0 {
		t.Fatalf("archive with a PDF: %d %s", code, errs)
	}
	if !strings.Contains(readEntry(t, archive, "manifest-sha256.txt"), "  data/public/reports/2023-xx-zhen/2023-xx-zhen.pdf\n") {
		t.Error("the PDF is not in the manifest")
	}
	code, out, errs := runCLI(t, "verify", archive)
	if code != 0 || !strings.Contains(out, ": ok,") {
		t.Fatalf("verify: %d %s %s", code, out, errs)
	}

	// Reproducible: a second archive, after the files' times changed, is
	// byte for byte the same.
	later := time.Now().Add(2 * time.Hour)
	filepath.Walk(root, func(p string, _ os.FileInfo, _ error) error { return os.Chtimes(p, later, later) })
	again := filepath.Join(t.TempDir(), "again.zip")
	if code, _, errs := runCLI(t, "archive", "--root", root, "-o", again); code != 0 {
		t.Fatalf("archive -o: %d %s", code, errs)
	}
	a, _ := os.ReadFile(archive)
	b, _ := os.ReadFile(again)
	if !bytes.Equal(a, b) {
		t.Errorf("two archives of the same project differ: %d and %d bytes", len(a), len(b))
	}
	t.Run("verify", func(t *testing.T) { testVerifyExit(t, archive) })
}

// testVerifyExit checks verify's exit status and message on changed
// copies of a good archive: 1 and the file's name for a difference, 2 for a
// bundle it cannot or must not read.
func testVerifyExit(t *testing.T, archive string) {
	good, err := os.ReadFile(archive)
	if err != nil {
		t.Fatal(err)
	}
	const page = "data/public/reports/2023-xx-zhen.html"
	cases := []struct {
		name string
		edit func(name string, data []byte) (string, []byte, bool) // new name and content, keep
		raw  []byte                                                // the whole bundle instead
		code int
		want string
	}{
		{name: "altered", code: 1, want: "altered " + page, edit: func(n string, d []byte) (string, []byte, bool) {
			if strings.HasSuffix(n, "/"+page) {
				d = bytes.Replace(d, []byte("XX镇"), []byte("YY镇"), 1)
			}
			return n, d, true
		}},
		{name: "dropped", code: 1, want: "missing " + page, edit: func(n string, d []byte) (string, []byte, bool) {
			return n, d, !strings.HasSuffix(n, "/"+page)
		}},
		{name: "added", code: 1, want: "extra data/public/added.html", edit: func(n string, d []byte) (string, []byte, bool) {
			if strings.HasSuffix(n, "/"+page) {
				return strings.Replace(n, "reports/2023-xx-zhen.html", "added.html", 1), d, true
			}
			return n, d, true
		}},
		{name: "path traversal", code: 2, want: `data/../../2023-xx-zhen.html": a .. in the path`, edit: func(n string, d []byte) (string, []byte, bool) {
			if strings.HasSuffix(n, "/"+page) {
				return strings.Replace(n, "data/public/reports/", "data/../../", 1), d, true
			}
			return n, d, true
		}},
		{name: "truncated", code: 2, want: "not a readable zip", raw: good[:len(good)/2]},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			bundle := filepath.Join(t.TempDir(), "bundle.zip")
			data := c.raw
			if c.edit != nil {
				data = rezip(t, good, c.edit)
			}
			if err := os.WriteFile(bundle, data, 0o644); err != nil {
				t.Fatal(err)
			}
			code, out, errs := runCLI(t, "verify", bundle)
			if code != c.code || !strings.Contains(out+errs, c.want) {
				t.Errorf("verify: exit %d, want %d with %q\nstdout: %s\nstderr: %s", code, c.code, c.want, out, errs)
			}
		})
	}
}

// rezip copies a zip entry by entry through edit.
func rezip(t *testing.T, data []byte, edit func(string, []byte) (string, []byte, bool)) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, f := range zr.File {
		rc, _ := f.Open()
		content, _ := io.ReadAll(rc)
		rc.Close()
		name, content, keep := edit(f.Name, content)
		if !keep {
			continue
		}
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(content)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestArchiveRefuses(t *testing.T) {
	root := t.TempDir()
	if err := testcorpus.Project(root, true); err != nil {
		t.Fatal(err)
	}
	// Not built yet: no public/.
	if code, _, errs := runCLI(t, "archive", "--root", root); code != 2 || !strings.Contains(errs, "govreport build") {
		t.Errorf("archive before build: %d %s", code, errs)
	}
	if code, _, errs := runCLI(t, "build", "--root", root, "-o", filepath.Join(root, "public")); code != 0 {
		t.Fatalf("build: %d %s", code, errs)
	}
	for _, out := range []string{
		filepath.Join(root, "public", "archive.zip"),
		filepath.Join(root, "sources", "archive.zip"),
	} {
		code, _, errs := runCLI(t, "archive", "--root", root, "-o", out)
		if code != 2 || !strings.Contains(errs, "which the archive holds") {
			t.Errorf("archive -o %s: %d %s", out, code, errs)
		}
		if _, err := os.Stat(out); err == nil {
			t.Errorf("%s written", out)
		}
	}
	if code, _, errs := runCLI(t, "archive", "--root", t.TempDir()); code != 2 || !strings.Contains(errs, "config.toml") {
		t.Errorf("archive outside a project: %d %s", code, errs)
	}
	if code, _, _ := runCLI(t, "verify"); code != 2 {
		t.Errorf("verify without a bundle: %d", code)
	}
}
