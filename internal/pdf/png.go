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
	"slices"
)

// The 一图读懂's PNG: a screenshot reduced to a small palette and written
// with its title and description; the same pixels give the same bytes.

// encodeTu writes the screenshot as an optimised palette PNG with its
// title, description and software in iTXt chunks; the same pixels give the
// same bytes.
func encodeTu(img image.Image, info tuInfo) ([]byte, error) {
	if img.Bounds().Dx() != TuWidth {
		return nil, fmt.Errorf("the screenshot is %d px wide, not %d", img.Bounds().Dx(), TuWidth)
	}
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	if err := enc.Encode(&buf, quantize(img, TuColours)); err != nil {
		return nil, err
	}
	return withText(buf.Bytes(), [][2]string{
		{"Title", "一图读懂：" + info.title},
		{"Description", info.desc},
		{"Software", "govreport"},
	})
}

// withText inserts an iTXt chunk (UTF-8 text) for each keyword and text
// after the PNG's header chunk.
func withText(data []byte, texts [][2]string) ([]byte, error) {
	const ihdrEnd = 8 + 4 + 4 + 13 + 4 // signature, then IHDR: length, type, data, CRC
	if len(data) < ihdrEnd || string(data[12:16]) != "IHDR" {
		return nil, errors.New("not a PNG")
	}
	out := append([]byte{}, data[:ihdrEnd]...)
	for _, t := range texts {
		var body bytes.Buffer
		body.WriteString("iTXt" + t[0])
		body.Write([]byte{0, 0, 0, 0, 0}) // end of keyword; uncompressed; no language; no translated keyword
		body.WriteString(t[1])
		chunk := body.Bytes()
		out = binary.BigEndian.AppendUint32(out, uint32(len(chunk)-4))
		out = append(out, chunk...)
		out = binary.BigEndian.AppendUint32(out, crc32.ChecksumIEEE(chunk))
	}
	return append(out, data[ihdrEnd:]...), nil
}

// quantize returns img with a palette of at most n colours: its own
// colours when it has no more, else a median-cut palette of them, each
// pixel mapped to the nearest entry. No dithering: the picture is text
// and flat colour, whose edges stay clean. Alpha is ignored (a screenshot
// is opaque).
func quantize(img image.Image, n int) *image.Paletted {
	b := img.Bounds()
	rgb := pixels(img)
	counts := map[uint32]int{}
	last, run := uint32(1<<24), 0 // runs of one colour are most of a picture: count them at once
	for _, c := range rgb {
		if c != last {
			if run > 0 {
				counts[last] += run
			}
			last, run = c, 0
		}
		run++
	}
	if run > 0 {
		counts[last] += run
	}
	colours := make([]histEntry, 0, len(counts))
	for c, k := range counts {
		colours = append(colours, histEntry{c, k})
	}
	// The most used first, so the background is index 0; ties by colour.
	slices.SortFunc(colours, func(a, b histEntry) int {
		if a.n != b.n {
			return b.n - a.n
		}
		return int(a.c) - int(b.c)
	})
	var pal []uint32
	if len(colours) <= n {
		for _, e := range colours {
			pal = append(pal, e.c)
		}
	} else {
		pal = medianCut(colours, n)
	}
	index := make(map[uint32]uint8, len(colours))
	for _, e := range colours {
		index[e.c] = nearest(pal, e.c)
	}
	p := make(color.Palette, len(pal))
	for i, c := range pal {
		p[i] = color.RGBA{uint8(c >> 16), uint8(c >> 8), uint8(c), 0xff}
	}
	out := image.NewPaletted(image.Rect(0, 0, b.Dx(), b.Dy()), p)
	last, idx := uint32(1<<24), uint8(0)
	for i, c := range rgb {
		if c != last {
			last, idx = c, index[c]
		}
		out.Pix[i] = idx
	}
	return out
}

// pixels returns img's pixels, row by row, as 0xRRGGBB; Chromium's
// screenshots decode as *image.RGBA or *image.NRGBA, read directly.
func pixels(img image.Image) []uint32 {
	b := img.Bounds()
	out := make([]uint32, 0, b.Dx()*b.Dy())
	var pix []uint8
	stride := 0
	switch m := img.(type) {
	case *image.RGBA:
		pix, stride = m.Pix, m.Stride
	case *image.NRGBA:
		pix, stride = m.Pix, m.Stride
	}
	for y := range b.Dy() {
		if pix != nil {
			row := pix[y*stride : y*stride+4*b.Dx()]
			for x := 0; x < len(row); x += 4 {
				out = append(out, uint32(row[x])<<16|uint32(row[x+1])<<8|uint32(row[x+2]))
			}
			continue
		}
		for x := range b.Dx() {
			r, g, bl, _ := img.At(b.Min.X+x, b.Min.Y+y).RGBA()
			out = append(out, r>>8<<16|g>>8<<8|bl>>8)
		}
	}
	return out
}

// histEntry is a colour (0xRRGGBB) and how many pixels have it.
type histEntry struct {
	c uint32
	n int
}

func channel(c uint32, ch int) int { return int(c >> (16 - 8*ch) & 0xff) }

// medianCut splits the colours into n boxes, each time the box whose
// widest channel, weighted by its pixels, spans most, at the pixel median
// along that channel; the palette is each box's mean, the most used box
// first.
func medianCut(colours []histEntry, n int) []uint32 {
	type box struct {
		es    []histEntry
		pix   int
		ch    int // widest channel
		score int // its span times the pixels
	}
	measure := func(es []histEntry) box {
		bx := box{es: es}
		lo, hi := [3]int{255, 255, 255}, [3]int{}
		for _, e := range es {
			bx.pix += e.n
			for ch := range 3 {
				v := channel(e.c, ch)
				lo[ch], hi[ch] = min(lo[ch], v), max(hi[ch], v)
			}
		}
		for ch := range 3 {
			if s := hi[ch] - lo[ch]; s > hi[bx.ch]-lo[bx.ch] {
				bx.ch = ch
			}
		}
		bx.score = (hi[bx.ch] - lo[bx.ch]) * bx.pix
		return bx
	}
	boxes := []box{measure(colours)}
	for len(boxes) < n {
		best := -1
		for i, bx := range boxes {
			if len(bx.es) > 1 && (best < 0 || bx.score > boxes[best].score) {
				best = i
			}
		}
		if best < 0 {
			break
		}
		bx := boxes[best]
		es := slices.Clone(bx.es)
		slices.SortStableFunc(es, func(a, b histEntry) int {
			if d := channel(a.c, bx.ch) - channel(b.c, bx.ch); d != 0 {
				return d
			}
			return int(a.c) - int(b.c)
		})
		cut, seen := 1, 0
		for i, e := range es[:len(es)-1] {
			if seen += e.n; seen*2 >= bx.pix {
				cut = i + 1
				break
			}
			cut = i + 1
		}
		boxes[best] = measure(es[:cut])
		boxes = append(boxes, measure(es[cut:]))
	}
	slices.SortStableFunc(boxes, func(a, b box) int { return b.pix - a.pix })
	pal := make([]uint32, len(boxes))
	for i, bx := range boxes {
		var sum [3]int
		for _, e := range bx.es {
			for ch := range 3 {
				sum[ch] += channel(e.c, ch) * e.n
			}
		}
		for ch := range 3 {
			pal[i] |= uint32((sum[ch]+bx.pix/2)/bx.pix) << (16 - 8*ch)
		}
	}
	return pal
}

// nearest returns the index of the palette entry nearest c (squared
// distance in RGB; the first of equals).
func nearest(pal []uint32, c uint32) uint8 {
	best, bestD := 0, -1
	for i, p := range pal {
		d := 0
		for ch := range 3 {
			x := channel(p, ch) - channel(c, ch)
			d += x * x
		}
		if bestD < 0 || d < bestD {
			best, bestD = i, d
		}
	}
	return uint8(best)
}
