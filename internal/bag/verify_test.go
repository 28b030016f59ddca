package bag

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// change rewrites a bag's zip: alter replaces an entry's content (names
// relative to the base folder), drop leaves entries out, add appends entries
// (full names), raw appends hand-made entries as they are.
type change struct {
	alter map[string]func([]byte) []byte
	drop  []string
	add   map[string]string
	raw   []rawEntry
}

// rawEntry is a zip entry written with CreateRaw: a header that may lie.
type rawEntry struct {
	header zip.FileHeader
	data   []byte // compressed as header.Method says
}

const base = "qingshan-archive/"

// rewrite applies ch to the zip at src and returns the new zip's path.
func rewrite(t *testing.T, src string, ch change) string {
	t.Helper()
	zr, err := zip.OpenReader(src)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	out := filepath.Join(t.TempDir(), "changed.zip")
	f, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zw := zip.NewWriter(f)
	dropped := map[string]bool{}
	for _, d := range ch.drop {
		dropped[base+d] = true
	}
	for _, e := range zr.File {
		name := strings.TrimPrefix(e.Name, base)
		switch {
		case dropped[e.Name]:
		case ch.alter[name] != nil:
			rc, err := e.Open()
			if err != nil {
				t.Fatal(err)
			}
			data, _ := io.ReadAll(rc)
			rc.Close()
			w, err := zw.CreateHeader(&zip.FileHeader{Name: e.Name, Method: e.Method, Modified: e.Modified})
			if err != nil {
				t.Fatal(err)
			}
			w.Write(ch.alter[name](data))
		default:
			if err := zw.Copy(e); err != nil {
				t.Fatal(err)
			}
		}
	}
	for name, text := range ch.add {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, text)
	}
	for _, r := range ch.raw {
		h := r.header
		w, err := zw.CreateRaw(&h)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(r.data)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out
}

func replace(old, new string) func([]byte) []byte {
	return func(b []byte) []byte { return bytes.Replace(b, []byte(old), []byte(new), 1) }
}

// deflated compresses data for a raw entry.
func deflated(t *testing.T, data []byte) []byte {
	var b bytes.Buffer
	fw, _ := flate.NewWriter(&b, flate.BestCompression)
	fw.Write(data)
	if err := fw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// Each change is reported by name, and nothing else is.
func TestVerifyReportsChanges(t *testing.T) {
	dir := project(t)
	good := writeBag(t, dir)
	if res, err := Verify(good); err != nil || !res.OK() || res.Files != len(projectFiles(t, dir)) {
		t.Fatalf("Verify(fresh bag) = %+v, %v", res, err)
	}
	const page = "data/public/reports/2023-qingshan-zhen.html"
	const source = "data/sources/青山镇 2023年政府工作报告.txt"
	zeros := bytes.Repeat([]byte{0}, 1<<20)
	cases := []struct {
		name string
		ch   change
		want []string // "kind name", sorted
	}{
		{"a figure altered, same size", change{alter: map[string]func([]byte) []byte{page: replace("12.5亿元", "12.6亿元")}},
			[]string{"altered " + page}},
		{"a sentence added", change{alter: map[string]func([]byte) []byte{page: replace("。</p>", "。全年新增就业1200人。</p>")}},
			[]string{"altered " + page, "payload-oxum bag-info.txt"}},
		{"a source dropped", change{drop: []string{source}},
			[]string{"missing " + source, "payload-oxum bag-info.txt"}},
		{"a page added", change{add: map[string]string{base + "data/public/notice.html": "<p>通知</p>"}},
			[]string{"extra data/public/notice.html", "payload-oxum bag-info.txt"}},
		{"a tag file added", change{add: map[string]string{base + "notes.txt": "added later"}},
			[]string{"extra notes.txt"}},
		{"a file beside the bag's folder", change{add: map[string]string{"readme.txt": "hello"}},
			[]string{"extra readme.txt"}},
		{"bag-info.txt edited", change{alter: map[string]func([]byte) []byte{"bag-info.txt": replace("青山镇人民政府", "白河县人民政府")}},
			[]string{"altered bag-info.txt"}},
		{"a manifest line forged", change{alter: map[string]func([]byte) []byte{"manifest-sha256.txt": func(b []byte) []byte {
			lines := strings.Split(string(b), "\n")
			for i, l := range lines {
				if strings.HasSuffix(l, "  "+page) {
					lines[i] = strings.Repeat("0", 64) + "  " + page
				}
			}
			return []byte(strings.Join(lines, "\n"))
		}}}, []string{"altered " + page, "altered manifest-sha256.txt"}},
		{"an entry whose header lies about its size", change{drop: []string{page}, raw: []rawEntry{{
			zip.FileHeader{Name: base + page, Method: zip.Deflate, CRC32: crc32.ChecksumIEEE(zeros[:10]), UncompressedSize64: 10, CompressedSize64: uint64(len(deflated(t, zeros)))},
			deflated(t, zeros)}}},
			[]string{"damaged " + page, "payload-oxum bag-info.txt"}},
		{"an entry's compressed bytes flipped", change{drop: []string{source}, raw: []rawEntry{corrupt(t, good, source)}},
			[]string{"damaged " + source}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res, err := Verify(rewrite(t, good, c.ch))
			if err != nil {
				t.Fatal(err)
			}
			if got, want := kinds(res), strings.Join(c.want, "\n"); got != want {
				t.Errorf("problems:\n%s\nwant:\n%s", got, want)
			}
			for _, p := range res.Problems {
				if p.Detail == "" || !strings.Contains(p.String(), p.Name) {
					t.Errorf("problem %q says too little", p)
				}
			}
		})
	}
}

// corrupt returns the entry name of the zip at path with one byte of its
// compressed data flipped and its header kept.
func corrupt(t *testing.T, path, name string) rawEntry {
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	for _, f := range zr.File {
		if f.Name == base+name {
			rc, err := f.OpenRaw()
			if err != nil {
				t.Fatal(err)
			}
			data, _ := io.ReadAll(rc)
			data[len(data)/2] ^= 0x55
			return rawEntry{f.FileHeader, data}
		}
	}
	t.Fatalf("%s: no such entry", name)
	return rawEntry{}
}

// A bundle that cannot be checked, or that holds a name reaching outside
// the bag, is an error naming what is wrong; nothing is read.
func TestVerifyRefuses(t *testing.T) {
	dir := project(t)
	good := writeBag(t, dir)
	goodBytes, _ := os.ReadFile(good)
	file := func(data []byte) func(t *testing.T) string {
		return func(t *testing.T) string {
			p := filepath.Join(t.TempDir(), "bundle.zip")
			writeFile(t, p, data)
			return p
		}
	}
	changed := func(ch change) func(t *testing.T) string {
		return func(t *testing.T) string { return rewrite(t, good, ch) }
	}
	entry := func(name string, mode os.FileMode, data string) change {
		h := zip.FileHeader{Name: name, Method: zip.Store, CRC32: crc32.ChecksumIEEE([]byte(data)),
			CompressedSize64: uint64(len(data)), UncompressedSize64: uint64(len(data)), Modified: time.Unix(0, 0)}
		h.SetMode(mode)
		return change{raw: []rawEntry{{h, []byte(data)}}}
	}
	manifest := func(line string) change {
		return change{alter: map[string]func([]byte) []byte{"manifest-sha256.txt": func(b []byte) []byte { return append(b, line+"\n"...) }}}
	}
	hash := strings.Repeat("ab", 32)
	next := "manifest-sha256.txt:" + strconv.Itoa(len(projectFiles(t, dir))+1) + ": " // the line manifest appends
	cases := []struct {
		name   string
		bundle func(t *testing.T) string
		want   string
	}{
		{"truncated", file(goodBytes[:len(goodBytes)*2/3]), "not a readable zip"},
		{"the central directory cut off", file(goodBytes[:len(goodBytes)-30]), "not a readable zip"},
		{"not a zip", file([]byte("2023年青山镇政府工作报告\n")), "not a readable zip"},
		{"parent path", changed(entry(base+"../../evil.sh", 0o644, "rm -rf ~")), `"qingshan-archive/../../evil.sh": a .. in the path`},
		{"absolute path", changed(entry("/etc/cron.d/evil", 0o644, "x")), `"/etc/cron.d/evil": an absolute path`},
		{"backslash", changed(entry(base+`data\..\..\evil.bat`, 0o644, "x")), "a backslash"},
		{"drive letter", changed(entry(`C:/evil.bat`, 0o644, "x")), "a drive letter"},
		{"symbolic link", changed(entry(base+"data/public/passwd", os.ModeSymlink|0o777, "/etc/passwd")), `"qingshan-archive/data/public/passwd": a symbolic link`},
		{"two entries with one name", changed(entry(base+"data/public/index.html", 0o644, "<p>second</p>")), "two entries with this name"},
		{"no bagit.txt", changed(change{drop: []string{"bagit.txt"}}), "no bagit.txt"},
		{"bagit.txt not a declaration", changed(change{alter: map[string]func([]byte) []byte{"bagit.txt": replace("UTF-8", "GB18030")}}), "bagit.txt:2"},
		{"no manifest", changed(change{drop: []string{"manifest-sha256.txt"}}), "no manifest-sha256.txt"},
		{"a manifest line without a checksum", changed(manifest("data/public/index.html")), next + "not"},
		{"a short checksum", changed(manifest("abc123  data/public/index.html")), next + "not"},
		{"a manifest path reaching out", changed(manifest(hash + "  data/../../etc/passwd")), next + `"data/../../etc/passwd": a .. in the path, refused`},
		{"an absolute manifest path", changed(manifest(hash + "  /etc/passwd")), "an absolute path"},
		{"a payload manifest naming a tag file", changed(manifest(hash + "  bagit.txt")), "a path outside data/"},
		{"a path listed twice", changed(manifest(hash + "  data/public/index.html")), "listed again (first on line"},
		{"a bad Payload-Oxum", changed(change{alter: map[string]func([]byte) []byte{"bag-info.txt": replace("Payload-Oxum: ", "Payload-Oxum: x")}}), "Payload-Oxum"},
		{"a zip bomb", changed(change{raw: []rawEntry{{zip.FileHeader{Name: base + "data/public/bomb.html", Method: zip.Deflate,
			UncompressedSize64: 1 << 40, CompressedSize64: uint64(len(deflated(t, make([]byte, 1<<16))))}, deflated(t, make([]byte, 1<<16))}}}), "zip bomb"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res, err := Verify(c.bundle(t))
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("Verify = %+v, %v; want an error with %q", res, err, c.want)
			}
		})
	}
}

// An unpacked bag with a symbolic link in it is refused, not followed.
func TestVerifyDirRefusesLinks(t *testing.T) {
	dir := project(t)
	unpacked := t.TempDir()
	extract(t, writeBag(t, dir), unpacked)
	link := filepath.Join(unpacked, "qingshan-archive", "data", "public", "passwd")
	if err := os.Symlink("/etc/passwd", link); err != nil {
		t.Skip(err)
	}
	_, err := Verify(unpacked)
	if err == nil || !strings.Contains(err.Error(), "data/public/passwd") || !strings.Contains(err.Error(), "symbolic link") {
		t.Errorf("Verify(folder with a link) = %v", err)
	}
}
