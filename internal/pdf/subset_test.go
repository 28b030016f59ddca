package pdf

import (
	"bytes"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
)

func TestReadContent(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"BT /F4 18.66 Tf 1 0 0 -1 116.6 1034 Tm <57ee> Tj ET",
			"BT | /F4 18.66 Tf | 1 0 0 -1 116.6 1034 Tm | <57ee> Tj | ET"},
		{"[<0001> -250 (a\\)b) 3] TJ", "[<0001> -250 (a\\)b) 3] TJ"},
		{"/P <</MCID 0>> BDC 1 0 0 RG EMC", "/P <</MCID 0>> BDC | 1 0 0 RG | EMC"},
		{"(x) ' 1 2 (y) \" q Q", "(x) ' | 1 2 (y) \" | q | Q"},
		{"BI /W 2 /H 1 /BPC 8 /CS /G ID \x00EI\xff EI Q", "BI | /W 2 /H 1 /BPC 8 /CS /G ID | Q"},
		{"% a comment\n2 beginbfchar <0003> <0020> endbfchar", "2 beginbfchar | <0003> <0020> endbfchar"},
		{"/CIDInit /ProcSet findresource begin 12 dict begin { } def", "/CIDInit /ProcSet findresource | begin | 12 dict | begin | def"},
		{"true false null n", "true false null n"},
	} {
		ops, err := readContent([]byte(c.in))
		if err != nil {
			t.Errorf("readContent(%q): %v", c.in, err)
			continue
		}
		var parts []string
		for _, op := range ops {
			words := []string{}
			for _, a := range op.args {
				words = append(words, string(a))
			}
			parts = append(parts, strings.Join(append(words, op.name), " "))
		}
		if got := strings.Join(parts, " | "); got != c.want {
			t.Errorf("readContent(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	for _, bad := range []string{"(open Tj", "<0001 Tj", "BI /W 1 ID \x00\x00", ") Tj"} {
		if _, err := readContent([]byte(bad)); err == nil {
			t.Errorf("readContent(%q): no error", bad)
		}
	}
}

func TestStringBytes(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"<57ee0003>", "\x57\xee\x00\x03"},
		{"<57 EE 0>", "\x57\xee\x00"},
		{"<>", ""},
		{`(\000\003\(\)\\)`, "\x00\x03()\\"},
		{"(a\\\nb\\nc\\101\\7)", "ab\nc\x41\x07"},
		{"(a\r\nb)", "a\nb"},
	} {
		got, err := stringBytes([]byte(c.in))
		if err != nil || string(got) != c.want {
			t.Errorf("stringBytes(%q) = %q, %v; want %q", c.in, got, err, c.want)
		}
	}
	for _, bad := range []string{"<0g>", "x", "/Name"} {
		if _, err := stringBytes([]byte(bad)); err == nil {
			t.Errorf("stringBytes(%q): no error", bad)
		}
	}
}

// testPDF writes a PDF in the shape Chromium writes one, with the objects
// given by number (their bodies; a stream's as "<<dict>>\nstream\n…").
func testPDF(objs map[int]string) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	for _, n := range slices.Sorted(maps.Keys(objs)) {
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", n, objs[n])
	}
	fmt.Fprintf(&b, "xref\n0 1\n0000000000 65535 f \ntrailer\n<</Size %d /Root 1 0 R>>\nstartxref\n0\n%%%%EOF\n", len(objs)+1)
	return b.Bytes()
}

func stream(dict string, data []byte) string {
	return fmt.Sprintf("<<%s /Length %d>>\nstream\n%s\nendstream", dict, len(data), data)
}

func flateStream(dict string, data []byte) string {
	z, err := deflate(data)
	if err != nil {
		panic(err)
	}
	return stream(dict+" /Filter /FlateDecode", z)
}

// fontObjects are a Type0 font (object n), its CIDFont (n+1), its
// FontDescriptor (n+2) and its font program (n+3), with a ToUnicode CMap
// (n+4) mapping the glyphs toUnicode.
func fontObjects(n int, face sfnt, cid string, toUnicode ...int) map[int]string {
	var cmap strings.Builder
	fmt.Fprintf(&cmap, "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n%d beginbfchar\n", len(toUnicode))
	for _, g := range toUnicode {
		fmt.Fprintf(&cmap, "<%04x> <%04x>\n", g, 0x4e00+g)
	}
	cmap.WriteString("endbfchar\n1 beginbfrange\n<0000> <0000> <0020>\nendbfrange\nendcmap CMapName currentdict /CMap defineresource pop end end")
	return map[int]string{
		n: fmt.Sprintf("<</Type /Font /Subtype /Type0 /BaseFont /AAAAAA+%s /Encoding /Identity-H /DescendantFonts [%d 0 R] /ToUnicode %d 0 R>>",
			face.postScriptName(), n+1, n+4),
		n + 1: fmt.Sprintf("<</Type /Font /Subtype /CIDFontType2 /BaseFont /AAAAAA+%s /CIDSystemInfo <</Registry (Adobe) /Ordering (Identity) /Supplement 0>> /FontDescriptor %d 0 R /DW 1000 %s>>",
			face.postScriptName(), n+2, cid),
		n + 2: fmt.Sprintf("<</Type /FontDescriptor /FontName /AAAAAA+%s /Flags 4 /FontFile2 %d 0 R>>", face.postScriptName(), n+3),
		n + 3: flateStream(fmt.Sprintf("/Length1 %d", len(face.write())), face.write()),
		n + 4: flateStream("", []byte(cmap.String())),
	}
}

// bigGlyphs are testGlyphs with outlines large enough that a subset is
// smaller than the whole font.
func bigGlyphs() [][]byte { return testGlyphs(3000) }

func TestSubsetFonts(t *testing.T) {
	faceA := testFace("FaceA", bigGlyphs(), testCmap)
	faceB := testFace("FaceB", bigGlyphs(), testCmap)
	page := "BT /F1 12 Tf <0002> Tj [<0005> -20 (\\000\\013)] TJ ET " + // 2, 5, 11 with FaceA
		"q BT /F2 12 Tf <0004> Tj ET Q " + // 4 with FaceB; Q restores /F1
		"BT <0006> Tj ET /X1 Do " + // 6 with FaceA; the form draws with /F1
		"/X2 Do"
	form1 := "BT (\\000\\001) ' ET"                 // 1 with the caller's font, FaceA
	form2 := "BT /F1 10 Tf 1 2 <0007> \" ET /Im Do" // 7 with the form's own /F1: FaceB
	base := map[int]string{
		1: "<</Type /Catalog /Pages 2 0 R>>",
		2: "<</Type /Pages /Kids [3 0 R] /Count 1 /Resources <</Font <</F1 10 0 R /F2 20 0 R>> /XObject <</X1 4 0 R /X2 5 0 R>>>>>>",
		3: "<</Type /Page /Parent 2 0 R /Contents [6 0 R]>>", // resources inherited
		4: flateStream("/Type /XObject /Subtype /Form /BBox [0 0 10 10]", []byte(form1)),
		5: flateStream("/Type /XObject /Subtype /Form /BBox [0 0 10 10] /Resources <</Font <</F1 20 0 R>> /XObject <</Im 7 0 R>>>>", []byte(form2)),
		6: flateStream("", []byte(page)),
		7: stream("/Type /XObject /Subtype /Image /Width 1 /Height 1 /BitsPerComponent 8 /ColorSpace /DeviceGray", []byte{0}),
	}
	for _, c := range []struct {
		name       string
		cidA       string         // FaceA's CIDFont's extra entries
		extra      map[int]string // more objects
		keptA      []int          // glyphs with outlines in FaceA's subset; nil: left whole
		keptB      []int
		toUnicodeA []int
	}{
		{"each font its glyphs", "/CIDToGIDMap /Identity", nil,
			[]int{0, 1, 2, 5, 6, 11}, []int{0, 3, 4, 7, 8}, nil},
		{"glyphs the ToUnicode map lists are kept", "", nil,
			[]int{0, 1, 2, 3, 5, 6, 9, 7, 8, 11}, []int{0, 3, 4, 7, 8}, []int{9, 2}},
		{"a CIDToGIDMap stream: left whole", "/CIDToGIDMap 30 0 R",
			map[int]string{30: stream("", make([]byte, 24))}, nil, []int{0, 3, 4, 7, 8}, nil},
		{"a program a simple font shares: left whole", "",
			map[int]string{31: "<</Type /Font /Subtype /TrueType /BaseFont /FaceA /FontDescriptor 12 0 R>>"},
			nil, []int{0, 3, 4, 7, 8}, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			objs := maps.Clone(base)
			maps.Copy(objs, fontObjects(10, faceA, c.cidA, c.toUnicodeA...))
			maps.Copy(objs, fontObjects(20, faceB, ""))
			maps.Copy(objs, c.extra)
			f, err := parseFile(testPDF(objs))
			if err != nil {
				t.Fatal(err)
			}
			whole := map[int][]byte{13: f.object(13).stream, 23: f.object(23).stream}
			if err := f.subsetFonts(); err != nil {
				t.Fatal(err)
			}
			for _, p := range []struct {
				num  int
				face sfnt
				kept []int
			}{{13, faceA, c.keptA}, {23, faceB, c.keptB}} {
				o := f.object(p.num)
				if p.kept == nil {
					if !bytes.Equal(o.stream, whole[p.num]) {
						t.Errorf("font program %d was changed", p.num)
					}
					continue
				}
				data, err := f.decoded(p.num)
				if err != nil {
					t.Fatal(err)
				}
				d, _ := readDict(o.body)
				if got := string(d.get("/Length1")); got != fmt.Sprint(len(data)) {
					t.Errorf("font program %d: /Length1 %s, its data has %d bytes", p.num, got, len(data))
				}
				checkFile(t, data)
				sub, err := readSFNT(data, "")
				if err != nil {
					t.Fatal(err)
				}
				checkSubset(t, p.face, sub, p.kept, slices.Max(p.kept)+1)
			}
		})
	}
}

func TestSubsetFontsErrors(t *testing.T) {
	face := testFace("FaceA", bigGlyphs(), testCmap)
	for _, c := range []struct{ name, page string }{
		{"an odd-length string", "BT /F1 12 Tf <000201> Tj ET"},
		{"a bad hex string", "BT /F1 12 Tf <00x2> Tj ET"},
		{"a string not closed", "BT /F1 12 Tf (\\000\\002 Tj ET"},
	} {
		objs := map[int]string{
			1: "<</Type /Catalog /Pages 2 0 R>>",
			2: "<</Type /Pages /Kids [3 0 R] /Count 1>>",
			3: "<</Type /Page /Parent 2 0 R /Resources <</Font <</F1 10 0 R>>>> /Contents 6 0 R>>",
			6: flateStream("", []byte(c.page)),
		}
		maps.Copy(objs, fontObjects(10, face, ""))
		f, err := parseFile(testPDF(objs))
		if err != nil {
			t.Fatal(err)
		}
		if err := f.subsetFonts(); err == nil || !strings.Contains(err.Error(), "object 6") {
			t.Errorf("%s: %v, want an error naming the content stream", c.name, err)
		}
	}
}
