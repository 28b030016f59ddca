package main

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"html"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"io"
	"net/url"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	xhtml "golang.org/x/net/html"

	"github.com/govreport/govreport/internal/pdf"
	"github.com/govreport/govreport/internal/site"
)

// govreport tu saves each report's 一图读懂 (reports/<slug>/tu.html, made by
// build) as one tall PNG, 1080 px wide, the size shared on phones:
// reports/<slug>/<slug>-tu.png, linked from the page with a description of
// what it shows. It works on a built site, as govreport pdf does, with the
// same headless Chromium.
//
// The picture is the page's <div id="tu"> alone — its title band, figures,
// charts and source line — laid out at a fixed viewport of 1080 px, device
// scale factor 1, no animations, with the installed fonts and a larger
// root text size (tuPictureCSS), so the same page gives the same pixels
// where the browser and fonts are the same. The screenshot is then reduced
// to a palette of at most 256 colours (median cut, no dithering: text
// stays sharp) and written with its title and description in the PNG.

func init() {
	commands["tu"] = command{"[--root DIR] [-o DIR] [-j N] [SLUG…]",
		"save each report's 一图读懂 (reports/<slug>/tu.html of the built site; all, or the SLUGs) as one tall PNG, 1080 px wide, into public/reports/<slug>/<slug>-tu.png with headless Chromium, and link it from the page",
		(*cli).tuCmd}
}

const (
	tuWidth = 1080 // the picture's width in pixels
	// tuMaxHeight is the tallest picture: three times the most phones
	// show of a long picture at once is already a lot of scrolling.
	tuMaxHeight = 32000
	tuSlice     = 4000            // the height of one screenshot
	tuTimeout   = 2 * time.Minute // one report's picture
	// tuColours is the picture's palette: text and flat colour need few,
	// and 16 pack two pixels a byte (at full size, looked at, no
	// different from 256; the PNG about two thirds the size).
	tuColours = 16
	// tuPictureCSS lays the page out as the picture: only <div id="tu">,
	// the whole width, at a root text size that makes the phone layout
	// (about 28rem wide, three cards a row) fill 1080 px.
	tuPictureCSS = `html{font-size:36px}body{max-width:none;margin:0;padding:0}body>:not(main),main>:not(#tu){display:none}#tu{margin:0;padding:.5rem .6rem 0}*{animation:none!important;transition:none!important;caret-color:transparent!important}`
)

func (c *cli) tuCmd(args []string) error {
	fl := c.flags("tu")
	root := fl.String("root", ".", "project `DIR` whose site was built (config.toml …)")
	out := fl.String("o", "public", "the built site `DIR`, as given to build")
	parallel := fl.Int("j", 2, "reports pictured at once, each in a tab of one browser")
	if err := parse(fl, args, -1); err != nil {
		return err
	}
	if _, err := os.Stat(filepath.Join(*root, "config.toml")); err != nil {
		return fmt.Errorf("%s has no config.toml: run govreport tu in a govreport project, or give it with --root", *root)
	}
	slugs, err := tuReports(*out, fl.Args())
	if err != nil {
		return err
	}
	if len(slugs) == 0 {
		return nil
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	start := time.Now()
	b, err := pdf.NewPrinter("")
	if err != nil {
		return err
	}
	defer b.Close()
	if err := tuAll(ctx, b, *out, slugs, *parallel, c.logf); err != nil {
		return err
	}
	c.logf("done      %6.0fms  %s", float64(time.Since(start).Microseconds())/1000, *out)
	return nil
}

// tuAll pictures slugs with n workers sharing the browser b, each report
// in a tab of its own; the first error stops the rest.
func tuAll(ctx context.Context, b *pdf.Printer, pub string, slugs []string, n int, logf func(string, ...any)) error {
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	jobs := make(chan string)
	var wg sync.WaitGroup
	for range min(max(n, 1), len(slugs)) {
		wg.Go(func() {
			for s := range jobs {
				t := time.Now()
				size, h, err := saveTu(ctx, b, pub, s)
				if err != nil {
					cancel(err)
					continue
				}
				logf("tu        %6.0fms  %s  1080×%d, %s", float64(time.Since(t).Microseconds())/1000, tuPNGPath(pub, s), h, formatSize(size))
			}
		})
	}
	for _, s := range slugs {
		select {
		case jobs <- s:
		case <-ctx.Done():
		}
	}
	close(jobs)
	wg.Wait()
	if err := context.Cause(ctx); err != nil && !errors.Is(err, context.Canceled) {
		return err
	}
	return ctx.Err()
}

// tuPage and tuPNGPath are the built site's paths of a report's 一图读懂
// and its picture.
func tuPage(pub, slug string) string { return filepath.Join(pub, "reports", slug, "tu.html") }
func tuPNGPath(pub, slug string) string {
	return filepath.Join(pub, "reports", slug, slug+"-tu.png")
}

// tuReports returns the reports to picture: the slugs given, each checked,
// or every report of the site with a 一图读懂 page.
func tuReports(pub string, given []string) ([]string, error) {
	if st, err := os.Stat(filepath.Join(pub, "reports")); err != nil || !st.IsDir() {
		return nil, fmt.Errorf("%s has no reports/: build the site first (govreport build)", pub)
	}
	if len(given) == 0 {
		found, err := filepath.Glob(filepath.Join(pub, "reports", "*", "tu.html"))
		if err != nil {
			return nil, err
		}
		for _, f := range found {
			given = append(given, filepath.Base(filepath.Dir(f)))
		}
		slices.Sort(given)
		return given, nil
	}
	for _, s := range given {
		if s == "" || s == "." || s == ".." || strings.ContainsAny(s, `/\`) {
			return nil, fmt.Errorf("%q is not a report slug (such as 2023-xx-zhen)", s)
		}
		if _, err := os.Stat(tuPage(pub, s)); err != nil {
			return nil, fmt.Errorf("report %s: no 一图读懂 page %s: build the site first (govreport build)", s, tuPage(pub, s))
		}
	}
	return given, nil
}

// saveTu pictures one report's 一图读懂, writes the PNG and links it from
// the page; it returns the PNG's size and height.
func saveTu(ctx context.Context, b *pdf.Printer, pub, slug string) (int64, int, error) {
	page := tuPage(pub, slug)
	src, err := os.ReadFile(page)
	if err != nil {
		return 0, 0, err
	}
	info, err := describeTu(src)
	if err != nil {
		return 0, 0, fmt.Errorf("%s: %w", page, err)
	}
	img, err := screenshotTu(ctx, b, page)
	if err != nil {
		return 0, 0, err
	}
	data, err := encodeTu(img, info)
	if err != nil {
		return 0, 0, err
	}
	if err := site.WriteFile(tuPNGPath(pub, slug), data); err != nil {
		return 0, 0, err
	}
	h := img.Bounds().Dy()
	linked, changed, err := fillSlot(src, "png", tuSlot(slug, int64(len(data)), info.alt))
	if err != nil {
		return 0, 0, fmt.Errorf("%s: %w", page, err)
	}
	if !changed {
		return int64(len(data)), h, nil
	}
	return int64(len(data)), h, site.WriteFile(page, linked)
}

// screenshotTu loads the page in a new tab, lays it out as the picture and
// returns it as Chromium draws it.
func screenshotTu(ctx context.Context, b *pdf.Printer, page string) (image.Image, error) {
	abs, err := filepath.Abs(page)
	if err != nil {
		return nil, err
	}
	tab, closeTab := b.Tab()
	defer closeTab()
	tab, cancel := context.WithTimeout(tab, tuTimeout)
	defer cancel()
	defer context.AfterFunc(ctx, cancel)()
	u := url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}
	err = chromedp.Do(tab,
		chromedp.EmulateViewport(tuWidth, 1000),
		chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			_, err := cdp.Call(ctx, t, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
				Media: "screen",
				Features: []*emulation.MediaFeature{
					{Name: "prefers-reduced-motion", Value: "reduce"},
					{Name: "prefers-color-scheme", Value: "light"},
				}})
			return err
		}),
		chromedp.Navigate(u.String()))
	if err != nil {
		return nil, fmt.Errorf("loading %s: %w", page, err)
	}
	height, err := chromedp.Run(tab, chromedp.Evaluate[int](`(async () => {
		const s = document.createElement("style");
		s.textContent = `+strconv.Quote(tuPictureCSS)+`;
		document.head.append(s);
		await document.fonts.ready;
		const tu = document.getElementById("tu");
		return tu ? Math.ceil(tu.getBoundingClientRect().bottom + scrollY) : 0;
	})()`, chromedp.EvalAwaitPromise))
	if err != nil {
		return nil, fmt.Errorf("laying out %s: %w", page, err)
	}
	switch {
	case height <= 0:
		return nil, fmt.Errorf("%s has no <div id=\"tu\">: check layouts/reports/page.tu.html", page)
	case height > tuMaxHeight:
		return nil, fmt.Errorf("%s: the picture would be %d px tall, more than the %d a picture may be", page, height, tuMaxHeight)
	}
	// In slices: one screenshot of a very tall page fails on the GPU's
	// largest texture (16,384 px).
	img := image.NewRGBA(image.Rect(0, 0, tuWidth, height))
	for y := 0; y < height; y += tuSlice {
		h := min(tuSlice, height-y)
		data, err := chromedp.Run(tab, chromedp.Action[[]byte](func(ctx context.Context, t *chromedp.Target) ([]byte, error) {
			r, err := cdp.Call(ctx, t, cdppage.CaptureScreenshot, cdppage.CaptureScreenshotParams{
				Clip:                  &cdppage.Viewport{X: 0, Y: float64(y), Width: tuWidth, Height: float64(h), Scale: 1},
				CaptureBeyondViewport: &yes,
				FromSurface:           &yes,
			})
			return r.Data, err
		}))
		if err != nil {
			return nil, fmt.Errorf("screenshot of %s: %w", page, err)
		}
		part, err := png.Decode(bytes.NewReader(data))
		if err != nil {
			return nil, fmt.Errorf("%s: Chromium's screenshot: %w", page, err)
		}
		if part.Bounds().Dx() != tuWidth || part.Bounds().Dy() != h {
			return nil, fmt.Errorf("%s: Chromium's screenshot is %d×%d px, not %d×%d", page, part.Bounds().Dx(), part.Bounds().Dy(), tuWidth, h)
		}
		draw.Draw(img, image.Rect(0, y, tuWidth, y+h), part, part.Bounds().Min, draw.Src)
	}
	return img, nil
}

var yes = true

// tuInfo is what the picture shows, read from its page: its title, a
// short text alternative for the page's download link, and a longer
// description for the PNG itself.
type tuInfo struct {
	title string // the report's title (the page's <h1>)
	alt   string // 长图内容与本页相同：…
	desc  string // alt, the page's note and its source line
}

// describeTu reads the 一图读懂 page: its title, the parts it lists (the
// <h2>s of the picture), its note of how many figures it shows and its
// source line.
func describeTu(page []byte) (tuInfo, error) {
	doc, err := xhtml.Parse(bytes.NewReader(page))
	if err != nil {
		return tuInfo{}, err
	}
	tu := findNode(doc, func(n *xhtml.Node) bool { return attrOf(n, "id") == "tu" })
	if tu == nil {
		return tuInfo{}, errors.New(`no <div id="tu">: check layouts/reports/page.tu.html`)
	}
	var info tuInfo
	var parts []string
	note, source := "", ""
	walkNodes(tu, func(n *xhtml.Node) {
		switch {
		case n.Data == "h1" && info.title == "":
			info.title = nodeText(n)
		case n.Data == "h2":
			parts = append(parts, nodeText(n))
		case attrOf(n, "class") == "tn":
			note = nodeText(n)
		case attrOf(n, "class") == "src":
			source = nodeText(n)
		}
	})
	if info.title == "" {
		return tuInfo{}, errors.New("the picture has no title (<h1>)")
	}
	var b strings.Builder
	b.WriteString("长图内容与本页相同：《" + info.title + "》的主要数据")
	if len(parts) > 0 {
		b.WriteString("，依次为" + strings.Join(parts, "、"))
	}
	b.WriteString("。")
	info.alt = b.String()
	info.desc = info.alt + note + source
	return info, nil
}

// tuSlot is the page's download of its picture: the link, with the PNG's
// size, and its text alternative.
func tuSlot(slug string, size int64, alt string) string {
	href := html.EscapeString(slug + "-tu.png")
	return fmt.Sprintf(` · <a href="%s" download>下载长图（PNG，%s）</a><small>%s</small>`,
		href, formatSize(size), html.EscapeString(alt))
}

// formatSize writes a file size as a download link shows it: 235 KB, 1.4 MB.
func formatSize(n int64) string {
	if n >= 1<<20 {
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	}
	return fmt.Sprintf("%d KB", max(1, (n+512)>>10))
}

// ---- the PNG

// encodeTu writes the screenshot as an optimised palette PNG with its
// title, description and software in iTXt chunks; the same pixels give the
// same bytes.
func encodeTu(img image.Image, info tuInfo) ([]byte, error) {
	if img.Bounds().Dx() != tuWidth {
		return nil, fmt.Errorf("the screenshot is %d px wide, not %d", img.Bounds().Dx(), tuWidth)
	}
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	if err := enc.Encode(&buf, quantize(img, tuColours)); err != nil {
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

// ---- the page's slot

// fillSlot replaces the content of the page's <span id="ID"> with inner
// (HTML), copying every other byte as it was, and reports whether that
// changed the page; a page without the slot is an error.
func fillSlot(page []byte, id, inner string) ([]byte, bool, error) {
	z := xhtml.NewTokenizer(bytes.NewReader(page))
	var out bytes.Buffer
	depth := 0 // > 0: inside the slot, counting nested <span>s
	found := false
	for {
		tt := z.Next()
		name, _ := z.TagName()
		span := string(name) == "span"
		switch {
		case tt == xhtml.ErrorToken:
			if z.Err() != io.EOF {
				return nil, false, z.Err()
			}
			if !found || depth > 0 {
				return nil, false, fmt.Errorf(`no <span id="%s"></span> for the picture's link: check layouts/reports/page.tu.html`, id)
			}
			return out.Bytes(), !bytes.Equal(out.Bytes(), page), nil
		case depth > 0 && tt == xhtml.StartTagToken:
			if span {
				depth++
			}
			continue
		case depth > 0 && tt == xhtml.EndTagToken && span && depth == 1:
			depth = 0
		case depth > 0:
			if tt == xhtml.EndTagToken && span {
				depth--
			}
			continue
		case tt == xhtml.StartTagToken && span && !found && tokenID(z) == id:
			out.Write(z.Raw())
			out.WriteString(inner)
			depth, found = 1, true
			continue
		}
		out.Write(z.Raw())
	}
}

// tokenID returns the id of the start tag just read; its name has been.
func tokenID(z *xhtml.Tokenizer) string {
	for {
		k, v, more := z.TagAttr()
		if string(k) == "id" {
			return string(v)
		}
		if !more {
			return ""
		}
	}
}

// ---- HTML helpers

func attrOf(n *xhtml.Node, key string) string {
	if n.Type != xhtml.ElementNode {
		return ""
	}
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func walkNodes(n *xhtml.Node, f func(*xhtml.Node)) {
	if n.Type == xhtml.ElementNode {
		f(n)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walkNodes(c, f)
	}
}

func findNode(n *xhtml.Node, match func(*xhtml.Node) bool) *xhtml.Node {
	var found *xhtml.Node
	walkNodes(n, func(m *xhtml.Node) {
		if found == nil && match(m) {
			found = m
		}
	})
	return found
}

// nodeText is the text under n, runs of white space made one space.
func nodeText(n *xhtml.Node) string {
	var b strings.Builder
	var walk func(*xhtml.Node)
	walk = func(n *xhtml.Node) {
		if n.Type == xhtml.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return strings.Join(strings.Fields(b.String()), " ")
}
