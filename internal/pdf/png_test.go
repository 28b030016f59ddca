package pdf

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"image"
	"image/color"
	"image/png"
	"strings"
	"testing"
)

// pngTexts returns a PNG's iTXt chunks by keyword, checking every chunk's
// CRC.
func pngTexts(data []byte) (map[string]string, error) {
	if !bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")) {
		return nil, errors.New("not a PNG")
	}
	out := map[string]string{}
	for p := 8; p+12 <= len(data); {
		n := int(binary.BigEndian.Uint32(data[p:]))
		if p+12+n > len(data) {
			return nil, fmt.Errorf("chunk at %d runs past the end", p)
		}
		chunk := data[p+4 : p+8+n]
		if crc32.ChecksumIEEE(chunk) != binary.BigEndian.Uint32(data[p+8+n:]) {
			return nil, fmt.Errorf("chunk %s: bad CRC", chunk[:4])
		}
		if string(chunk[:4]) == "iTXt" {
			key, rest, _ := bytes.Cut(chunk[4:], []byte{0})
			out[string(key)] = string(rest[4:]) // flag, method, empty language, empty translated keyword
		}
		p += 12 + n
	}
	return out, nil
}

// colourDistance is the largest difference of two colours in one channel
// (0–255).
func colourDistance(a, b color.Color) int {
	r1, g1, b1, _ := a.RGBA()
	r2, g2, b2, _ := b.RGBA()
	d := 0
	for _, p := range [][2]uint32{{r1, r2}, {g1, g2}, {b1, b2}} {
		x := int(p[0]>>8) - int(p[1]>>8)
		d = max(d, x, -x)
	}
	return d
}

func TestQuantize(t *testing.T) {
	// Few colours: kept exactly.
	few := image.NewRGBA(image.Rect(0, 0, 40, 10))
	cs := []color.RGBA{{255, 255, 255, 255}, {166, 27, 27, 255}, {27, 27, 27, 255}}
	for x := range 40 {
		for y := range 10 {
			few.Set(x, y, cs[(x/7+y)%len(cs)])
		}
	}
	q := quantize(few, 16)
	if len(q.Palette) != 3 {
		t.Errorf("%d colours, want 3", len(q.Palette))
	}
	for x := range 40 {
		for y := range 10 {
			if colourDistance(q.At(x, y), few.At(x, y)) != 0 {
				t.Fatalf("(%d,%d) changed", x, y)
			}
		}
	}
	// Many: a grey ramp and a red one on white, as anti-aliased text
	// makes; at most n colours, each pixel near its own.
	many := image.NewNRGBA(image.Rect(0, 0, 256, 20))
	for x := range 256 {
		for y := range 10 {
			many.Set(x, y, color.NRGBA{uint8(x), uint8(x), uint8(x), 255})
			many.Set(x, y+10, color.NRGBA{255, uint8(x), uint8(x), 255})
		}
	}
	for _, n := range []int{16, 64} {
		q := quantize(many, n)
		if len(q.Palette) > n {
			t.Errorf("%d colours for n=%d", len(q.Palette), n)
		}
		worst := 0
		for x := range 256 {
			for y := range 20 {
				worst = max(worst, colourDistance(q.At(x, y), many.At(x, y)))
			}
		}
		if limit := 2 * 256 / n; worst > limit {
			t.Errorf("n=%d: a pixel off by %d, want at most %d", n, worst, limit)
		}
	}
	// An image of another kind (read through At): the same as its RGBA copy.
	gray := image.NewGray(image.Rect(0, 0, 30, 3))
	for x := range 30 {
		gray.Pix[x], gray.Pix[30+x], gray.Pix[60+x] = uint8(8*x), 255, 0
	}
	if g := quantize(gray, 4); len(g.Palette) > 4 || colourDistance(g.At(0, 1), color.White) != 0 {
		t.Errorf("grey image: %d colours, white row %v", len(g.Palette), g.At(0, 1))
	}
	// The same image, the same palette and pixels.
	a, b := quantize(many, 16), quantize(many, 16)
	if !bytes.Equal(a.Pix, b.Pix) || len(a.Palette) != len(b.Palette) {
		t.Error("quantize is not deterministic")
	}
}

func TestWithText(t *testing.T) {
	var buf bytes.Buffer
	if err := png.Encode(&buf, image.NewGray(image.Rect(0, 0, 2, 2))); err != nil {
		t.Fatal(err)
	}
	data, err := withText(buf.Bytes(), [][2]string{{"Title", "一图读懂：2023年青山镇政府工作报告"}, {"Software", "govreport"}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := png.Decode(bytes.NewReader(data)); err != nil {
		t.Fatalf("not a PNG any more: %v", err)
	}
	if got, err := pngTexts(data); err != nil || got["Title"] != "一图读懂：2023年青山镇政府工作报告" || got["Software"] != "govreport" {
		t.Errorf("texts %q, %v", got, err)
	}
	if _, err := withText([]byte("GIF89a"), nil); err == nil {
		t.Error("not a PNG: no error")
	}
}

// TestEncodeTu: a picture 1080 px wide becomes a palette PNG with its
// title, description and software; the same pixels, the same bytes; any
// other width is refused.
func TestEncodeTu(t *testing.T) {
	img := image.NewRGBA(image.Rect(0, 0, TuWidth, 40))
	for x := range TuWidth {
		for y := range 40 {
			img.Set(x, y, color.RGBA{uint8(x), uint8(y * 6), 27, 255})
		}
	}
	info := tuInfo{title: "2023年青山镇政府工作报告", alt: "长图内容与本页相同。", desc: "长图内容与本页相同。本图数据来自《2023年青山镇政府工作报告》。"}
	data, err := encodeTu(img, info)
	if err != nil {
		t.Fatal(err)
	}
	got, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if p, ok := got.(*image.Paletted); !ok || len(p.Palette) > TuColours || p.Bounds() != img.Bounds() {
		t.Errorf("%T %v, want a palette of at most %d colours, %v", got, got.Bounds(), TuColours, img.Bounds())
	}
	texts, err := pngTexts(data)
	if err != nil || texts["Title"] != "一图读懂：2023年青山镇政府工作报告" || texts["Description"] != info.desc || texts["Software"] != "govreport" {
		t.Errorf("texts %q, %v", texts, err)
	}
	if again, _ := encodeTu(img, info); !bytes.Equal(again, data) {
		t.Error("the same picture gave other bytes")
	}
	if _, err := encodeTu(image.NewRGBA(image.Rect(0, 0, 720, 10)), info); err == nil || !strings.Contains(err.Error(), "720 px wide") {
		t.Errorf("a picture 720 px wide: %v", err)
	}
}
