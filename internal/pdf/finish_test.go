package pdf

import (
	"bytes"
	"compress/zlib"
	"io"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// testdata/chromium.pdf is a small PDF in the shape Chromium (Skia) writes
// one: a classic cross-reference table, an Info dictionary with the clock's
// dates and the browser as Creator, a tagged catalog whose structure tree
// uses the PDF 2.0 type /Strong, one page with a compressed content stream,
// and a string that holds ")", "endobj" and "stream".

func fixture(t *testing.T) []byte {
	t.Helper()
	data, err := os.ReadFile("testdata/chromium.pdf")
	if err != nil {
		t.Fatal(err)
	}
	return data
}

var testInfo = Info{
	Title:    "2023年白河县政府工作报告",
	Author:   "白河县人民政府",
	Subject:  "综合政务/政府工作报告",
	Keywords: "政府工作报告,白河县,2023年",
	Creator:  "govreport",
	Lang:     "zh-CN",
	Created:  time.Date(2024, 1, 15, 0, 0, 0, 0, chinaTime),
	Modified: time.Date(2024, 1, 20, 9, 30, 0, 0, chinaTime),
}

func TestSkipValue(t *testing.T) {
	for _, c := range []struct{ in, value string }{
		{"12 0 R /Next", "12 0 R"},
		{"12 /Next", "12"},
		{"12 0 obj", "12"},
		{"-3.5]", "-3.5"},
		{"/Name/Other", "/Name"},
		{"(a (nested) string) rest", "(a (nested) string)"},
		{`(an escaped \) paren) rest`, `(an escaped \) paren)`},
		{"<FEFF0041> rest", "<FEFF0041>"},
		{"<</A <</B [1 2 (x]) <<>>]>> /C 3 0 R>> rest", "<</A <</B [1 2 (x]) <<>>]>> /C 3 0 R>>"},
		{"[1 % a comment ]\n 2] rest", "[1 % a comment ]\n 2]"},
		{"true]", "true"},
	} {
		end, err := skipValue([]byte(c.in), 0)
		if err != nil || c.in[:end] != c.value {
			t.Errorf("skipValue(%q) = %q, %v; want %q", c.in, c.in[:end], err, c.value)
		}
	}
	for _, bad := range []string{"", "<</A 1", "[1 2", "(open", "<FEFF", ")"} {
		if _, err := skipValue([]byte(bad), 0); err == nil {
			t.Errorf("skipValue(%q): no error", bad)
		}
	}
}

func TestAddEntry(t *testing.T) {
	for _, c := range []struct{ in, key, val, want string }{
		{"<</Type /Catalog>>", "/Lang", "(zh-CN)", "<</Lang (zh-CN)\n/Type /Catalog>>"},
		{"<</Lang (en) /Pages 2 0 R>>", "/Lang", "(zh-CN)", "<</Lang (zh-CN) /Pages 2 0 R>>"},
		{"<</A (/Lang (x)) /Lang (en)>>", "/Lang", "(zh-CN)", "<</A (/Lang (x)) /Lang (zh-CN)>>"},
		{"<<>>", "/RoleMap", "<</Strong /Span>>", "<</RoleMap <</Strong /Span>>\n>>"},
	} {
		got, err := addEntry([]byte(c.in), c.key, c.val)
		if err != nil || string(got) != c.want {
			t.Errorf("addEntry(%q, %s) = %q, %v; want %q", c.in, c.key, got, err, c.want)
		}
	}
	if _, err := addEntry([]byte("[1 2]"), "/A", "1"); err == nil {
		t.Error("addEntry on an array: no error")
	}
}

func TestTextString(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"govreport", "(govreport)"},
		{`a (b) \c`, `(a \(b\) \\c)`},
		{"白河", "<feff767d6cb3>"},
		{"A\n", "<feff0041000a>"},
		{"𠀀", "<feffd840dc00>"}, // outside the BMP: a surrogate pair
	} {
		if got := textString(c.in); got != c.want {
			t.Errorf("textString(%q) = %s, want %s", c.in, got, c.want)
		}
	}
}

func TestDateString(t *testing.T) {
	for _, c := range []struct {
		in   time.Time
		want string
	}{
		{time.Date(2024, 1, 27, 0, 0, 0, 0, chinaTime), "(D:20240127000000+08'00')"},
		{time.Date(2024, 1, 27, 9, 5, 7, 0, time.UTC), "(D:20240127090507Z)"},
		{time.Date(2024, 1, 27, 0, 0, 0, 0, time.FixedZone("", -(3*3600+1800))), "(D:20240127000000-03'30')"},
	} {
		if got := dateString(c.in); got != c.want {
			t.Errorf("dateString(%v) = %s, want %s", c.in, got, c.want)
		}
	}
}

// TestParseErrors: what is not a PDF as Chromium writes it is refused,
// never rewritten half-understood.
func TestParseErrors(t *testing.T) {
	good := string(fixture(t))
	length := regexp.MustCompile(`/Length (\d+)`).FindStringSubmatch(good)
	n, _ := strconv.Atoi(length[1])
	for _, c := range []struct{ name, old, new, want string }{
		{"not a PDF", "%PDF-1.4", "%!PS-Adobe", "not a PDF"},
		{"a generation", "2 0 obj", "2 1 obj", "generation 1"},
		{"a stream too long", "/Length ", "/Length 9", "runs past the end"},
		{"a stream too short", length[0], "/Length " + strconv.Itoa(n-3), "endstream was expected"},
		{"a negative length", "/Length ", "/Length -", "not a direct length"},
		{"an indirect length", "/FlateDecode\n/Length ", "/FlateDecode\n/Length 9 0 R /X ", "not a direct length"},
		{"an object stream", "<</Filter /FlateDecode", "<</Type /ObjStm /Filter /FlateDecode", "ObjStm stream"},
		{"an update", "/Info 1 0 R>>", "/Info 1 0 R /Prev 9>>", "incrementally"},
		{"twice", "2 0 obj", "3 0 obj", "defined twice"},
		{"no endobj", "/Lang (zh-CN)>>\nendobj", "/Lang (zh-CN)>>\nend", "endobj was expected"},
		{"cut short", "xref", "", "ends before"},
	} {
		in := strings.Replace(good, c.old, c.new, 1)
		if c.name == "cut short" {
			in = good[:strings.Index(good, "xref")]
		}
		_, err := Finish([]byte(in), testInfo)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want one saying %q", c.name, err, c.want)
		}
	}
}

func TestFinish(t *testing.T) {
	out, err := Finish(fixture(t), testInfo)
	if err != nil {
		t.Fatal(err)
	}
	objs := readBack(t, out)
	info := string(objs[1])
	for _, want := range []string{
		"/Title " + textString(testInfo.Title), "/Author " + textString(testInfo.Author),
		"/Subject " + textString(testInfo.Subject), "/Keywords " + textString(testInfo.Keywords),
		"/Creator (govreport)", "/Producer (Skia/PDF m156)",
		"/CreationDate (D:20240115000000+08'00')", "/ModDate (D:20240120093000+08'00')",
	} {
		if !strings.Contains(info, want) {
			t.Errorf("Info lacks %s:\n%s", want, info)
		}
	}
	if strings.Contains(info, "HeadlessChrome") || strings.Contains(info, "2026") {
		t.Errorf("Info keeps Chromium's Creator or the clock's date:\n%s", info)
	}
	if tree := string(objs[5]); !strings.Contains(tree, "/RoleMap <</Strong /Span>>") {
		t.Errorf("the structure tree has no role map for /Strong:\n%s", tree)
	}
	if alt := string(objs[7]); !strings.Contains(alt, `/Alt (a \) paren, endobj and stream inside)`) {
		t.Errorf("object 7 changed:\n%s", alt)
	}
	if again, _ := Finish(fixture(t), testInfo); !bytes.Equal(again, out) {
		t.Error("two runs differ")
	}
	// The clock's dates in Chromium's file do not reach the output.
	later := bytes.ReplaceAll(fixture(t), []byte("D:20261206023807"), []byte("D:20271231235959"))
	if other, _ := Finish(later, testInfo); !bytes.Equal(other, out) {
		t.Error("the output depends on the dates Chromium wrote")
	}
}

func TestFinishLang(t *testing.T) {
	noLang := bytes.Replace(fixture(t), []byte("\n/Lang (zh-CN)>>"), []byte(">>           "), 1)
	for _, c := range []struct {
		in   []byte
		lang string
		want string
	}{
		{fixture(t), "en", "/Lang (zh-CN)"}, // Chromium's, from <html lang>, stays
		{noLang, "zh-CN", "/Lang (zh-CN)"},
		{noLang, "", "/Type /Catalog"}, // none to give
	} {
		info := testInfo
		info.Lang = c.lang
		out, err := Finish(c.in, info)
		if err != nil {
			t.Fatal(err)
		}
		if cat := string(readBack(t, out)[8]); !strings.Contains(cat, c.want) || (c.lang == "" && strings.Contains(cat, "/Lang")) {
			t.Errorf("Lang %q: catalog %s", c.lang, cat)
		}
	}
}

// readBack reads a finished file through its cross-reference stream alone,
// as a reader does: every object must be where the stream says, in the
// file or in the object stream. It returns the objects' values by number.
func readBack(t *testing.T, out []byte) map[int][]byte {
	t.Helper()
	m := regexp.MustCompile(`startxref\n(\d+)\n%%EOF\n$`).FindSubmatch(out)
	if m == nil {
		t.Fatalf("no startxref at the end:\n%q", out[max(0, len(out)-60):])
	}
	at, _ := strconv.Atoi(string(m[1]))
	xref := streamAt(t, out, at)
	d, _ := readDict(xref.body)
	if string(d.get("/Type")) != "/XRef" {
		t.Fatalf("startxref points at %s", xref.body)
	}
	var w [3]int
	for k, f := range bytes.Fields(bytes.Trim(d.get("/W"), "[]")) {
		w[k], _ = strconv.Atoi(string(f))
	}
	rows := unpredict(t, inflate(t, xref.stream), w[0]+w[1]+w[2])
	if size, _ := strconv.Atoi(string(d.get("/Size"))); size != len(rows) {
		t.Errorf("/Size %d, %d rows", size, len(rows))
	}
	objs := map[int][]byte{}
	var packed [][2]int // object number, object stream
	for num, row := range rows {
		f := fields3(row, w)
		switch f[0] {
		case 1:
			o := objectAt(t, out, f[1], num)
			if o.stream == nil {
				objs[num] = o.body
			}
		case 2:
			packed = append(packed, [2]int{num, f[1]})
		}
	}
	for _, p := range packed {
		objs[p[0]] = fromObjStm(t, out, rows, w, p[1], p[0])
	}
	return objs
}

func streamAt(t *testing.T, b []byte, at int) object {
	t.Helper()
	o, _, err := readObject(b, at)
	if err != nil && !strings.Contains(err.Error(), "stream: this PDF") {
		t.Fatalf("at %d: %v", at, err)
	}
	// readObject refuses XRef and ObjStm streams: read the data here.
	i := bytes.Index(b[at:], []byte(">>\nstream\n")) + at + len(">>\nstream\n")
	d, _ := readDict(o.body)
	n, _ := strconv.Atoi(string(d.get("/Length")))
	o.stream = b[i : i+n]
	return o
}

func objectAt(t *testing.T, b []byte, at, num int) object {
	t.Helper()
	if !bytes.HasPrefix(b[at:], []byte(strconv.Itoa(num)+" 0 obj")) {
		t.Fatalf("object %d: the offset %d points at %q", num, at, b[at:min(len(b), at+20)])
	}
	o, _, err := readObject(b, at)
	if err != nil {
		return streamAt(t, b, at)
	}
	return o
}

func fromObjStm(t *testing.T, b []byte, rows [][]byte, w [3]int, stm, num int) []byte {
	t.Helper()
	f := fields3(rows[stm], w)
	o := streamAt(t, b, f[1])
	d, _ := readDict(o.body)
	first, _ := strconv.Atoi(string(d.get("/First")))
	data := inflate(t, o.stream)
	head := bytes.Fields(data[:first])
	for k := 0; k+1 < len(head); k += 2 {
		if n, _ := strconv.Atoi(string(head[k])); n == num {
			off, _ := strconv.Atoi(string(head[k+1]))
			end, err := skipValue(data, first+off)
			if err != nil {
				t.Fatalf("object %d in the object stream: %v", num, err)
			}
			return data[first+off : end]
		}
	}
	t.Fatalf("object %d is not in object stream %d", num, stm)
	return nil
}

func fields3(row []byte, w [3]int) [3]int {
	var f [3]int
	i := 0
	for k := range w {
		for range w[k] {
			f[k] = f[k]<<8 | int(row[i])
			i++
		}
	}
	return f
}

func inflate(t *testing.T, data []byte) []byte {
	t.Helper()
	r, err := zlib.NewReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	out, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// unpredict undoes the PNG Up predictor: rows of cols bytes, each after a
// filter byte 2.
func unpredict(t *testing.T, data []byte, cols int) [][]byte {
	t.Helper()
	if len(data)%(cols+1) != 0 {
		t.Fatalf("%d bytes are no rows of %d+1", len(data), cols)
	}
	prev := make([]byte, cols)
	var rows [][]byte
	for i := 0; i < len(data); i += cols + 1 {
		if data[i] != 2 {
			t.Fatalf("PNG filter %d, want 2 (Up)", data[i])
		}
		row := make([]byte, cols)
		for k := range row {
			row[k] = data[i+1+k] + prev[k]
		}
		rows, prev = append(rows, row), row
	}
	return rows
}
