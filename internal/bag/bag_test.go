package bag

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/txtar"
)

// parts are the project folders the tests bag, as govreport archive does.
var parts = []string{"public", "data", "content", "sources"}

var testDate = time.Date(2024, 2, 3, 0, 0, 0, 0, time.UTC)

func testOptions() Options {
	return Options{Name: "qingshan-archive", Date: testDate, Info: []Field{
		{"Source-Organization", "青山镇人民政府"},
		{"External-Description", "2023年青山镇政府工作报告：网站、数据、内容和原始文件"},
	}}
}

// project writes testdata/project.txtar into a new folder and returns it.
func project(t testing.TB) string {
	t.Helper()
	ar, err := txtar.ParseFile(filepath.Join("testdata", "project.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, f := range ar.Files {
		writeFile(t, filepath.Join(dir, f.Name), f.Data)
	}
	return dir
}

func writeFile(t testing.TB, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// payload lists the project's folders in the given order.
func payload(t testing.TB, dir string, order ...string) *Payload {
	t.Helper()
	if order == nil {
		order = parts
	}
	p := &Payload{}
	for _, part := range order {
		if err := p.AddDir(filepath.Join(dir, part), part); err != nil {
			t.Fatal(err)
		}
	}
	return p
}

// writeBag bags the project in dir into dir/../<name>.zip.
func writeBag(t testing.TB, dir string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "bag.zip")
	if _, err := WriteFile(out, payload(t, dir), testOptions()); err != nil {
		t.Fatal(err)
	}
	return out
}

// projectFiles returns the project's payload files by bag name, with their
// contents, read independently of the package.
func projectFiles(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	for _, part := range parts {
		err := filepath.Walk(filepath.Join(dir, part), func(p string, info os.FileInfo, err error) error {
			if err != nil || info.IsDir() {
				return err
			}
			rel, _ := filepath.Rel(dir, p)
			data, err := os.ReadFile(p)
			out["data/"+filepath.ToSlash(rel)] = data
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return out
}

func TestWriteLayout(t *testing.T) {
	dir := project(t)
	out := writeBag(t, dir)
	zr, err := zip.OpenReader(out)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	want := projectFiles(t, dir)
	var names []string
	got := map[string][]byte{}
	for _, f := range zr.File {
		names = append(names, strings.TrimSuffix(f.Name, "/"))
		if !strings.HasPrefix(f.Name, "qingshan-archive/") && f.Name != "qingshan-archive/" {
			t.Errorf("%s: outside the bag's one base folder", f.Name)
		}
		if !f.Modified.Equal(testDate) {
			t.Errorf("%s: modified %v, want %v", f.Name, f.Modified, testDate)
		}
		wantMode := os.FileMode(0o644)
		if strings.HasSuffix(f.Name, "/") {
			wantMode = os.ModeDir | 0o755
		}
		if f.Mode() != wantMode {
			t.Errorf("%s: mode %v, want %v", f.Name, f.Mode(), wantMode)
		}
		if strings.HasSuffix(f.Name, "/") {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		got[strings.TrimPrefix(f.Name, "qingshan-archive/")] = data
	}
	if !sort.SliceIsSorted(names, func(i, j int) bool { return lessPath(names[i], names[j]) }) {
		t.Errorf("entries not sorted:\n%s", strings.Join(names, "\n"))
	}
	// Every project file is in data/, byte for byte, and its manifest line
	// is the SHA-256 of its bytes.
	manifest := string(got["manifest-sha256.txt"])
	for name, data := range want {
		if !bytes.Equal(got[name], data) {
			t.Errorf("%s: not the project's bytes", name)
		}
		d := sha256.Sum256(data)
		if line := hex.EncodeToString(d[:]) + "  " + name + "\n"; !strings.Contains(manifest, line) {
			t.Errorf("manifest-sha256.txt has no line %q", line)
		}
	}
	if n := strings.Count(manifest, "\n"); n != len(want) {
		t.Errorf("manifest-sha256.txt: %d lines for %d files", n, len(want))
	}
	if s := string(got["bagit.txt"]); s != "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n" {
		t.Errorf("bagit.txt = %q", s)
	}
	var octets int
	for _, data := range want {
		octets += len(data)
	}
	info := string(got["bag-info.txt"])
	for _, line := range []string{
		"Source-Organization: 青山镇人民政府\n",
		"Bagging-Date: 2024-02-03\n",
		"Payload-Oxum: " + strconv.Itoa(octets) + "." + strconv.Itoa(len(want)) + "\n",
	} {
		if !strings.Contains(info, line) {
			t.Errorf("bag-info.txt has no line %q:\n%s", line, info)
		}
	}
	for _, tag := range []string{"bag-info.txt", "bagit.txt", "manifest-sha256.txt"} {
		d := sha256.Sum256(got[tag])
		if line := hex.EncodeToString(d[:]) + "  " + tag + "\n"; !strings.Contains(string(got["tagmanifest-sha256.txt"]), line) {
			t.Errorf("tagmanifest-sha256.txt has no line %q", line)
		}
	}
}

// The same input gives the same bytes: whatever the files' modification
// times, the order the folders are listed in, or the output's name.
func TestReproducible(t *testing.T) {
	dir := project(t)
	first := writeBag(t, dir)
	later := time.Now().Add(time.Hour)
	for _, f := range []string{"public/index.html", "sources/baihe.txt"} {
		if err := os.Chtimes(filepath.Join(dir, f), later, later); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Chmod(filepath.Join(dir, "sources", "baihe.txt"), 0o600); err != nil {
		t.Fatal(err)
	}
	second := filepath.Join(t.TempDir(), "other-name.zip")
	if _, err := WriteFile(second, payload(t, dir, "sources", "content", "data", "public"), testOptions()); err != nil {
		t.Fatal(err)
	}
	a, _ := os.ReadFile(first)
	b, _ := os.ReadFile(second)
	if len(a) == 0 || !bytes.Equal(a, b) {
		t.Errorf("two archives of the same project differ (%d and %d bytes)", len(a), len(b))
	}
}

// Unpacked, the bag checks with plain sha256sum, names with spaces and
// Chinese characters included; an altered file fails it.
func TestSha256sum(t *testing.T) {
	if _, err := exec.LookPath("sha256sum"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("sha256sum (coreutils) is missing")
		}
		t.Skip("no sha256sum")
	}
	dir := project(t)
	unpacked := t.TempDir()
	extract(t, writeBag(t, dir), unpacked)
	base := filepath.Join(unpacked, "qingshan-archive")
	for _, manifest := range []string{"manifest-sha256.txt", "tagmanifest-sha256.txt"} {
		cmd := exec.Command("sha256sum", "--strict", "-c", manifest)
		cmd.Dir = base
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("sha256sum -c %s: %v\n%s", manifest, err, out)
		}
		if manifest == "manifest-sha256.txt" {
			if n := strings.Count(string(out), ": OK\n"); n != len(projectFiles(t, dir)) {
				t.Errorf("sha256sum checked %d files, want %d:\n%s", n, len(projectFiles(t, dir)), out)
			}
			if !strings.Contains(string(out), "data/sources/青山镇 2023年政府工作报告.txt: OK") {
				t.Errorf("sha256sum did not check the Chinese file name:\n%s", out)
			}
		}
	}
	// The unpacked folder verifies too, and an edit shows in both.
	for _, dir := range []string{base, unpacked} { // the bag's folder, or the folder holding it
		if res, err := Verify(dir); err != nil || !res.OK() {
			t.Fatalf("Verify(%s) = %+v, %v", dir, res, err)
		}
	}
	edited := filepath.Join(base, "data", "sources", "青山镇 2023年政府工作报告.txt")
	writeFile(t, edited, []byte("2023年青山镇政府工作报告\n全镇完成地区生产总值12.6亿元，同比增长6.1%。\n"))
	cmd := exec.Command("sha256sum", "-c", "--quiet", "manifest-sha256.txt")
	cmd.Dir = base
	if out, err := cmd.CombinedOutput(); err == nil || !strings.Contains(string(out), "青山镇 2023年政府工作报告.txt: FAILED") {
		t.Errorf("sha256sum -c after an edit: %v\n%s", err, out)
	}
	res, err := Verify(base)
	if err != nil {
		t.Fatal(err)
	}
	if got := kinds(res); got != "altered data/sources/青山镇 2023年政府工作报告.txt" {
		t.Errorf("Verify after an edit: %q", got)
	}
}

// extract unpacks a zip written by the package into dir (the test's own
// unpacking, refusing any name that is not local).
func extract(t *testing.T, zipPath, dir string) {
	t.Helper()
	zr, err := zip.OpenReader(zipPath)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	for _, f := range zr.File {
		if !filepath.IsLocal(f.Name) {
			t.Fatalf("%q: not a local name", f.Name)
		}
		if strings.HasSuffix(f.Name, "/") {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, filepath.Join(dir, filepath.FromSlash(f.Name)), data)
	}
}

// kinds lists a result's problems as "kind name" lines, sorted.
func kinds(res *Result) string {
	var out []string
	for _, p := range res.Problems {
		out = append(out, p.Kind+" "+p.Name)
	}
	sort.Strings(out)
	return strings.Join(out, "\n")
}

func TestWriteRefuses(t *testing.T) {
	cases := []struct {
		name  string
		setup func(t *testing.T, dir string) (out string)
		want  string
	}{
		{"output inside public", func(t *testing.T, dir string) string {
			return filepath.Join(dir, "public", "archive.zip")
		}, "which the archive holds"},
		{"output inside sources, through a link to the project", func(t *testing.T, dir string) string {
			link := filepath.Join(t.TempDir(), "link")
			if err := os.Symlink(dir, link); err != nil {
				t.Skip(err)
			}
			return filepath.Join(link, "sources", "deep", "archive.zip")
		}, "which the archive holds"},
		{"output is a bagged file", func(t *testing.T, dir string) string {
			return filepath.Join(dir, "content", "reports", "2023-baihe-xian", "index.md")
		}, "which the archive holds"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := project(t)
			out := c.setup(t, dir)
			before := projectFiles(t, dir)
			_, err := WriteFile(out, payload(t, dir), testOptions())
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("WriteFile(%s) = %v, want an error with %q", out, err, c.want)
			}
			after := projectFiles(t, dir)
			if len(after) != len(before) {
				t.Errorf("the project's files changed: %d, then %d", len(before), len(after))
			}
			for name, data := range before {
				if !bytes.Equal(after[name], data) {
					t.Errorf("%s changed", name)
				}
			}
		})
	}
}

// A name a BagIt manifest and sha256sum would write differently, and a
// symbolic link, are refused when the payload is listed.
func TestAddDirRefuses(t *testing.T) {
	cases := []struct{ name, file, want string }{
		{"percent", "sources/2023%E5%B9%B4.txt", "%"},
		{"backslash", `sources/a\b.txt`, `\`},
		{"newline", "sources/a\nb.txt", "control character"},
		{"tab", "sources/a\tb.txt", "control character"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := project(t)
			writeFile(t, filepath.Join(dir, c.file), []byte("x"))
			err := (&Payload{}).AddDir(filepath.Join(dir, "sources"), "sources")
			if err == nil || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), "rename") {
				t.Errorf("AddDir with %q = %v", c.file, err)
			}
		})
	}
	t.Run("symlink", func(t *testing.T) {
		dir := project(t)
		if err := os.Symlink("/etc/passwd", filepath.Join(dir, "public", "passwd")); err != nil {
			t.Skip(err)
		}
		err := (&Payload{}).AddDir(filepath.Join(dir, "public"), "public")
		if err == nil || !strings.Contains(err.Error(), "passwd") {
			t.Errorf("AddDir with a symlink = %v", err)
		}
	})
}

// A failed write leaves no zip and no temporary file, and an archive
// already there untouched.
func TestWriteFileAtomic(t *testing.T) {
	dir := project(t)
	outDir := t.TempDir()
	out := filepath.Join(outDir, "bag.zip")
	writeFile(t, out, []byte("the previous archive"))
	cases := []struct {
		name   string
		change func(p *Payload)
	}{
		{"a file removed after listing", func(p *Payload) { os.Remove(p.Files[len(p.Files)-1].Path) }},
		{"a file grown after listing", func(p *Payload) {
			f := p.Files[0].Path
			data, _ := os.ReadFile(f)
			writeFile(t, f, append(data, "更多"...))
		}},
		{"a bad bag-info label", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := payload(t, dir)
			opts := testOptions()
			if c.change != nil {
				c.change(p)
			} else {
				opts.Info = append(opts.Info, Field{"Bad: label", "x"})
			}
			if _, err := WriteFile(out, p, opts); err == nil {
				t.Fatal("no error")
			}
			if data, _ := os.ReadFile(out); string(data) != "the previous archive" {
				t.Errorf("the previous archive changed: %.40q", data)
			}
			if entries, _ := os.ReadDir(outDir); len(entries) != 1 {
				t.Errorf("left behind: %v", entries)
			}
		})
	}
}

func TestLessPath(t *testing.T) {
	sorted := []string{"a", "a/b", "a/b/c", "a/c", "a-b", "a-b/c", "a.html", "b"}
	for i := range sorted {
		for j := range sorted {
			if got := lessPath(sorted[i], sorted[j]); got != (i < j) {
				t.Errorf("lessPath(%q, %q) = %v", sorted[i], sorted[j], got)
			}
		}
	}
}
