package pdf

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"html"
	"image"
	"image/draw"
	"image/png"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	xhtml "golang.org/x/net/html"
)

// A report's 一图读懂 (reports/<slug>/tu.html, made by the build) saved as
// one tall PNG, 1080 px wide, the size shared on phones:
// reports/<slug>/<slug>-tu.png, linked from the page with a description of
// what it shows (LinkTu). The same browser that prints the PDFs takes it.
//
// The picture is the page's <div id="tu"> alone — its title band, figures,
// charts and source line — laid out at a fixed viewport of 1080 px, device
// scale factor 1, no animations, with the installed fonts and a larger
// root text size (tuPictureCSS), so the same page gives the same pixels
// where the browser and fonts are the same (Environment names both). The
// screenshot is then reduced to a palette (png.go: median cut, no
// dithering, so text stays sharp) and written with its title and
// description in the PNG.

const (
	// TuWidth is the picture's width in pixels.
	TuWidth = 1080
	// tuMaxHeight is the tallest picture: three times the most phones
	// show of a long picture at once is already a lot of scrolling.
	tuMaxHeight = 32000
	tuSlice     = 4000            // the height of one screenshot
	tuTimeout   = 2 * time.Minute // one report's picture
	// TuColours is the picture's palette: text and flat colour need few,
	// and 16 pack two pixels a byte (at full size, looked at, no
	// different from 256; the PNG about two thirds the size).
	TuColours = 16
	// tuPictureCSS lays the page out as the picture: only <div id="tu">,
	// the whole width, at a root text size that makes the phone layout
	// (about 28rem wide, three cards a row) fill 1080 px.
	tuPictureCSS = `html{font-size:36px}body{max-width:none;margin:0;padding:0}body>:not(main),main>:not(#tu){display:none}#tu{margin:0;padding:.5rem .6rem 0}*{animation:none!important;transition:none!important;caret-color:transparent!important}`
	// tuSlotID is the id of the element the 一图读懂 keeps for its
	// picture's download (layouts/reports/page.tu.html).
	tuSlotID = "png"
)

// TuPage is the path of a report's 一图读懂 in the built site.
func TuPage(public, slug string) string {
	return filepath.Join(public, "reports", slug, "tu.html")
}

// TuPNG is the path of a report's 一图读懂 picture in the built site.
func TuPNG(public, slug string) string {
	return filepath.Join(public, "reports", slug, slug+"-tu.png")
}

// TuReports returns the slugs of the reports of the site built in public
// that have a 一图读懂, sorted.
func TuReports(public string) ([]string, error) {
	if st, err := os.Stat(filepath.Join(public, "reports")); err != nil || !st.IsDir() {
		return nil, fmt.Errorf("%s has no reports/: build the site first (govreport build)", public)
	}
	found, err := filepath.Glob(filepath.Join(public, "reports", "*", "tu.html"))
	if err != nil {
		return nil, err
	}
	slugs := make([]string, 0, len(found))
	for _, f := range found {
		slugs = append(slugs, filepath.Base(filepath.Dir(f)))
	}
	slices.Sort(slugs)
	return slugs, nil
}

// TuSite pictures the 一图读懂 of the reports of the site built in public
// (slugs nil: all that have one) into reports/<slug>/<slug>-tu.png with
// one browser, opts.Parallel tabs at a time. Each PNG is written
// atomically, and only when it was taken whole; the first error stops the
// rest. It does not link the pictures: LinkTu does, after.
func TuSite(ctx context.Context, public string, slugs []string, opts Options) error {
	if slugs == nil {
		var err error
		if slugs, err = TuReports(public); err != nil {
			return err
		}
	}
	for _, s := range slugs {
		if err := checkSlug(s); err != nil {
			return err
		}
		if _, err := os.Stat(TuPage(public, s)); err != nil {
			return fmt.Errorf("report %s: no 一图读懂 page %s: build the site first (govreport build)", s, TuPage(public, s))
		}
	}
	if len(slugs) == 0 {
		return nil
	}
	p, err := NewPrinter(opts.Chromium)
	if err != nil {
		return err
	}
	defer p.Close()
	return forEach(ctx, slugs, opts.Parallel, func(ctx context.Context, slug string) error {
		size, h, err := p.saveTu(ctx, public, slug)
		if err == nil && opts.Logf != nil {
			opts.Logf("tu        %s  %d×%d, %s", TuPNG(public, slug), TuWidth, h, formatSize(size))
		}
		return err
	})
}

// forEach calls do for each slug with n workers (0 or less: 2); the first
// error stops the rest.
func forEach(ctx context.Context, slugs []string, n int, do func(context.Context, string) error) error {
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	if n <= 0 {
		n = 2
	}
	jobs := make(chan string)
	var wg sync.WaitGroup
	for range min(n, len(slugs)) {
		wg.Go(func() {
			for s := range jobs {
				if err := do(ctx, s); err != nil {
					cancel(err)
				}
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

// SaveTu pictures one report's 一图读懂 with the running browser p and
// writes the PNG (TuPNG), atomically; it returns the PNG's size. It does
// not link the picture: LinkTu does.
func SaveTu(ctx context.Context, p *Printer, public, slug string) (size int64, err error) {
	if err := checkSlug(slug); err != nil {
		return 0, err
	}
	size, _, err = p.saveTu(ctx, public, slug)
	return size, err
}

// saveTu is SaveTu, also returning the picture's height.
func (p *Printer) saveTu(ctx context.Context, public, slug string) (int64, int, error) {
	if err := ctx.Err(); err != nil {
		return 0, 0, err
	}
	page := TuPage(public, slug)
	src, err := os.ReadFile(page)
	if err != nil {
		return 0, 0, err
	}
	info, err := describeTu(src)
	if err != nil {
		return 0, 0, fmt.Errorf("%s: %w", page, err)
	}
	img, err := p.screenshotTu(ctx, page)
	if err != nil {
		return 0, 0, err
	}
	data, err := encodeTu(img, info)
	if err != nil {
		return 0, 0, fmt.Errorf("%s: %w", page, err)
	}
	if err := writeFileAtomic(TuPNG(public, slug), data); err != nil {
		return 0, 0, err
	}
	return int64(len(data)), img.Bounds().Dy(), nil
}

// screenshotTu loads the page in a new tab, lays it out as the picture and
// returns it as Chromium draws it.
func (p *Printer) screenshotTu(ctx context.Context, page string) (image.Image, error) {
	abs, err := filepath.Abs(page)
	if err != nil {
		return nil, err
	}
	tab, closeTab := chromedp.NewContext(p.ctx)
	defer closeTab()
	tab, cancel := context.WithTimeout(tab, tuTimeout)
	defer cancel()
	defer context.AfterFunc(ctx, cancel)()
	u := url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}
	err = chromedp.Do(tab,
		chromedp.EmulateViewport(TuWidth, 1000),
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
	img := image.NewRGBA(image.Rect(0, 0, TuWidth, height))
	for y := 0; y < height; y += tuSlice {
		h := min(tuSlice, height-y)
		part, err := screenshot(tab, y, h)
		if err != nil {
			return nil, fmt.Errorf("screenshot of %s: %w", page, err)
		}
		if part.Bounds().Dx() != TuWidth || part.Bounds().Dy() != h {
			return nil, fmt.Errorf("%s: Chromium's screenshot is %d×%d px, not %d×%d", page, part.Bounds().Dx(), part.Bounds().Dy(), TuWidth, h)
		}
		draw.Draw(img, image.Rect(0, y, TuWidth, y+h), part, part.Bounds().Min, draw.Src)
	}
	return img, nil
}

// screenshot takes the rows y to y+h of the page in tab, the whole width.
func screenshot(tab context.Context, y, h int) (image.Image, error) {
	yes := true
	data, err := chromedp.Run(tab, chromedp.Action[[]byte](func(ctx context.Context, t *chromedp.Target) ([]byte, error) {
		r, err := cdp.Call(ctx, t, cdppage.CaptureScreenshot, cdppage.CaptureScreenshotParams{
			Clip:                  &cdppage.Viewport{X: 0, Y: float64(y), Width: TuWidth, Height: float64(h), Scale: 1},
			CaptureBeyondViewport: &yes,
			FromSurface:           &yes,
		})
		return r.Data, err
	}))
	if err != nil {
		return nil, err
	}
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("Chromium's screenshot: %w", err)
	}
	return img, nil
}

// tuInfo is what the picture shows, read from its page: its title, a
// short text alternative for the page's download link, and a longer
// description for the PNG itself.
type tuInfo struct {
	title string // the report's title (the picture's <h1>)
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

// LinkTu fills the picture's slot of the 一图读懂 reports/<slug>/tu.html
// under public with a link to its PNG, the PNG's size and a text
// alternative of what it shows — " · 下载长图（PNG，235 KB）" — or empties it
// when there is no PNG. Like LinkPage it works on the built page, as often
// as wanted, and reports whether the page has a slot (a layout that leaves
// the link out is left as it is); the page is replaced atomically.
func LinkTu(public, slug string) (bool, error) {
	if err := checkSlug(slug); err != nil {
		return false, err
	}
	pagePath := TuPage(public, slug)
	page, err := os.ReadFile(pagePath)
	if err != nil {
		return false, err
	}
	inner := ""
	if st, err := os.Stat(TuPNG(public, slug)); err == nil {
		info, err := describeTu(page)
		if err != nil {
			return false, fmt.Errorf("%s: %w", pagePath, err)
		}
		inner = tuSlot(slug, st.Size(), info.alt)
	} else if !errors.Is(err, fs.ErrNotExist) {
		return false, err
	}
	out, found, err := fillSlot(page, tuSlotID, inner)
	if err != nil {
		return false, fmt.Errorf("%s: %w", pagePath, err)
	}
	if !found || bytes.Equal(out, page) {
		return found, nil
	}
	return true, writeFileAtomic(pagePath, out)
}

// tuSlot is the page's download of its picture: the link, with the PNG's
// size, and its text alternative. The link is relative to the page.
func tuSlot(slug string, size int64, alt string) string {
	href := html.EscapeString(slug + "-tu.png")
	return fmt.Sprintf(` · <a href="%s" download>下载长图（PNG，%s）</a><small>%s</small>`,
		href, formatSize(size), html.EscapeString(alt))
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
