package source

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// gbText has GB2312 hanzi and punctuation, 〇, the euro sign, and rare
// characters: GBK-only (䶮 龘) and four-byte GB18030 (𠀀 𪚥, U+20000 on).
const gbText = "二〇二三年全镇完成财政收入XX万元，同比增长20.56%；“非税收入”XX万元。\n" +
	"结算单价12€。生僻字：䶮、龘、𠀀、𪚥。\n各位代表：现在，我代表镇人民政府向大会报告工作。\n"

func encode(t *testing.T, e encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := e.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestDecode(t *testing.T) {
	le := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM)
	be := unicode.UTF16(unicode.BigEndian, unicode.UseBOM)
	crlf := strings.ReplaceAll(gbText, "\n", "\r\n")
	for _, tc := range []struct {
		name string
		data []byte
		want string
	}{
		{"utf-8", []byte(gbText), gbText},
		{"utf-8 with BOM", append([]byte("\uFEFF"), gbText...), gbText},
		{"utf-8 CRLF", []byte(crlf), gbText},
		{"utf-8 CR", []byte(strings.ReplaceAll(gbText, "\n", "\r")), gbText},
		{"gb18030", encode(t, simplifiedchinese.GB18030, gbText), gbText},
		{"gb18030 CRLF", encode(t, simplifiedchinese.GB18030, crlf), gbText},
		{"gbk", encode(t, simplifiedchinese.GBK, "各位代表：\r\n二〇二三年财政收入XX万元。"), "各位代表：\n二〇二三年财政收入XX万元。"},
		{"utf-16le", encode(t, le, crlf), gbText},
		{"utf-16be", encode(t, be, crlf), gbText},
		{"form feed from pdftotext", []byte("第一页\f第二页\x1a"), "第一页\n第二页"},
	} {
		got, err := Decode(tc.name, tc.data)
		if err != nil || got != tc.want {
			t.Errorf("%s: got %q, %v\nwant %q", tc.name, got, err, tc.want)
		}
	}
}

func TestDecodeGB18030Bytes(t *testing.T) {
	// The test is only worth something if the encoder made what GB18030
	// files really hold: four-byte sequences and the GB18030 euro.
	b := encode(t, simplifiedchinese.GB18030, "𠀀€䶮")
	if !bytes.Equal(b, []byte{0x95, 0x32, 0x82, 0x36, 0xA2, 0xE3, 0xFE, 0x9F}) {
		t.Errorf("encoder made % X", b)
	}
	cp936 := append(encode(t, simplifiedchinese.GBK, "单价12"), 0x80) // Windows' GBK euro
	cp936 = append(cp936, encode(t, simplifiedchinese.GBK, "。")...)
	if got, err := Decode("euro.txt", cp936); err != nil || got != "单价12€。" {
		t.Errorf("GBK euro byte: %q, %v", got, err)
	}
}

func TestDecodeErrors(t *testing.T) {
	utf16NoBOM := encode(t, unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), "2023年报告\n")
	for _, tc := range []struct {
		name string
		data []byte
		want string
	}{
		{"empty", nil, "empty.txt: the file is empty"},
		{"blank", []byte(" \r\n\u3000\n"), "blank.txt: the file is empty"},
		{"latin-1", []byte("abc\ndef\nCaf\xe9 au lait, M\xfcller, na\xefve\n"),
			"latin-1.txt: not UTF-8, GB18030 or UTF-16 text (byte 12, line 3): save the file as UTF-8 and try again"},
		{"truncated utf-8", []byte("各位代表：\n现在\xe6\x88"), "not UTF-8, GB18030 or UTF-16 text (byte 23, line 2)"},
		{"utf-16 without BOM, not text", append(utf16NoBOM, encode(t, unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), "\x01\x02")...),
			"utf-16 without BOM, not text.txt: this looks like UTF-16 LE text without a byte-order mark, but it does not read as text"},
		{"binary with NULs", []byte("\x00\x01\x02\x03\x04\x00\x00\x00"), "binary data, not text (NUL byte at byte 1, line 1)"},
		{"DEL", []byte("各位代表：\n现在\x7f我代表"), "DEL.txt:2: control character U+007F in the text"},
		{"C1 from a wrong code page", []byte("各位代表：\n\u0093现在\u0094"), "C1 from a wrong code page.txt:2: control character U+0093 in the text"},
		{"odd utf-16", []byte{0xFF, 0xFE, 0x41, 0x00, 0x42}, "broken UTF-16 text (byte 5, line 1)"},
		{"lone surrogate", []byte{0xFE, 0xFF, 0x00, 0x41, 0xD8, 0x00, 0x00, 0x41}, "broken UTF-16 text (byte 5, line 1)"},
		{"nul in utf-16", []byte{0xFF, 0xFE, 0x41, 0x00, 0x00, 0x00}, "binary data in UTF-16 text"},
		{"control", []byte("各位代表\n\x01\x02"), "binary data, not text (control character 0x01 at byte 14, line 2)"},
		{"pdf", []byte("%PDF-1.7\n..."), "pdf.txt: this is a PDF file"},
		{"zip", []byte("PK\x03\x04..."), "zip.txt: this is a ZIP archive"},
	} {
		_, err := Decode(tc.name+".txt", tc.data)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: got %v, want %q", tc.name, err, tc.want)
		}
	}
}

// TestReadUTF16WithoutBOM (issue 8 item 15): UTF-16 text saved without a
// byte-order mark, little- or big-endian, is read, with a finding that
// says so; it was refused as binary data.
func TestReadUTF16WithoutBOM(t *testing.T) {
	crlf := strings.ReplaceAll(gbText, "\n", "\r\n")
	for _, order := range []struct {
		name string
		e    unicode.Endianness
	}{{"LE", unicode.LittleEndian}, {"BE", unicode.BigEndian}} {
		data := encode(t, unicode.UTF16(order.e, unicode.IgnoreBOM), crlf)
		src, err := ReadText("u.txt", data)
		if err != nil {
			t.Errorf("%s: %v", order.name, err)
			continue
		}
		if got := src.Paras[0].Text; !strings.HasPrefix(gbText, got) {
			t.Errorf("%s: first paragraph %q", order.name, got)
		}
		if len(src.Findings) == 0 || src.Findings[0].Code != "encoding" || !strings.Contains(src.Findings[0].Message, "UTF-16 "+order.name+" without a byte-order mark") {
			t.Errorf("%s: findings %v", order.name, src.Findings)
		}
	}
}

// TestDecodeRefusesGarbage checks that bytes which are not Chinese text are
// refused rather than decoded as GB18030 into plausible-looking garbage —
// even bytes that are all well-formed GBK pairs.
func TestDecodeRefusesGarbage(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 200; i++ {
		b := make([]byte, 16+rng.IntN(2000))
		lo, span := 0, 256
		if i%2 == 1 {
			lo, span = 0x81, 0x7E // only GBK lead and trail bytes
		}
		for k := range b {
			b[k] = byte(lo + rng.IntN(span))
		}
		if s, err := Decode("random.bin", b); err == nil {
			t.Fatalf("random bytes % X… decoded as %.40q", b[:16], s)
		}
	}
	for _, latin := range []string{"M\xfcller", "Fran\xe7ois et Ren\xe9e \xe0 l'h\xf4tel", "\xc9T\xc9, d\xe9j\xe0 vu"} {
		if s, err := Decode("latin1.txt", []byte(latin)); err == nil {
			t.Errorf("Latin-1 %q decoded as %q", latin, s)
		}
	}
}
