package main

import (
	"bytes"
	"context"
	"encoding/binary"
	"flag"
	"hash/crc32"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/govreport/govreport/internal/pdf"
	"github.com/govreport/govreport/internal/site"
	"github.com/govreport/govreport/internal/testcorpus"
)

var update = flag.Bool("update", false, "rewrite the golden picture testdata/tu-title.png (review it first)")

const tuSeed = "2023-xx-zhen"

// tuSite builds the seed's site, as govreport build does, and returns the
// project and its public/.
func tuSite(t testing.TB) (root, pub string) {
	t.Helper()
	root = t.TempDir()
	if err := testcorpus.Project(root, true); err != nil {
		t.Fatal(err)
	}
	pub = filepath.Join(root, "public")
	if err := site.Build(context.Background(), site.BuildOptions{Root: root, Out: pub}); err != nil {
		t.Fatal(err)
	}
	return root, pub
}

// needChromium skips without Chromium, except under CI=true, where its
// absence fails the test.
func needChromium(t testing.TB) {
	t.Helper()
	if _, err := pdf.Chromium(); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%v (CI=true: .ci/run should have installed it)", err)
		}
		t.Skipf("%v — skipped", err)
	}
}

func TestTuRefuses(t *testing.T) {
	root, pub := pdfProject(t) // a built site with no 一图读懂
	t.Setenv("CHROME_PATH", filepath.Join(root, "no-such-browser"))
	page := filepath.Join(pub, "reports", "2023-qs-zhen", "tu.html")
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"tu", "--root", pub}, "has no config.toml"},
		{[]string{"tu", "--root", root, "-o", filepath.Join(root, "nothing")}, "build the site first"},
		{[]string{"tu", "--root", root, "-o", pub, "2023-qs-zhen"}, "no 一图读懂 page"},
		{[]string{"tu", "--root", root, "-o", pub, "../x"}, "not a report slug"},
	} {
		code, _, errs := runCLI(t, c.args...)
		if code != 2 || !strings.Contains(errs, c.want) {
			t.Errorf("%v: exit %d, %s; want 2 and %q", c.args, code, errs, c.want)
		}
	}
	if err := os.WriteFile(page, []byte(`<p class=tl><span id=png></span><div id=tu><h1>2023年青山镇政府工作报告</h1></div>`), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, errs := runCLI(t, "tu", "--root", root, "-o", pub); code != 2 || !strings.Contains(errs, "apt-get install chromium") {
		t.Errorf("no browser: exit %d, %s", code, errs)
	}
	if _, err := os.Stat(filepath.Join(pub, "reports", "2023-qs-zhen", "2023-qs-zhen-tu.png")); err == nil {
		t.Error("a picture was written")
	}
}

// TestTu pictures the seed's 一图读懂: one PNG 1080 px wide, few colours,
// its title and description inside, linked from the page with its text
// alternative; the top of it, the title band, as the reviewed golden
// picture shows it; a second run gives the same bytes.
func TestTu(t *testing.T) {
	needChromium(t)
	root, pub := tuSite(t)
	code, _, errs := runCLI(t, "tu", "--root", root, "-o", pub)
	if code != 0 {
		t.Fatalf("tu: exit %d\n%s", code, errs)
	}
	file := tuPNGPath(pub, tuSeed)
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(errs, file) {
		t.Errorf("the log does not name %s:\n%s", file, errs)
	}
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	pal, ok := img.(*image.Paletted)
	if !ok || len(pal.Palette) > tuColours {
		t.Errorf("%T, want a palette of at most %d colours", img, tuColours)
	}
	b := img.Bounds()
	if b.Dx() != tuWidth || b.Dy() < 2000 {
		t.Errorf("picture %d×%d, want %d wide and a tall one", b.Dx(), b.Dy(), tuWidth)
	}
	texts := pngTexts(t, data)
	if !strings.Contains(texts["Title"], "2023年XX镇政府工作报告") || !strings.Contains(texts["Description"], "本图数据来自") {
		t.Errorf("PNG texts %q", texts)
	}
	page, err := os.ReadFile(tuPage(pub, tuSeed))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(page), `<span id=png> · <a href="`+tuSeed+`-tu.png" download>下载长图（PNG，`) ||
		!strings.Contains(string(page), `<small>长图内容与本页相同：《2023年XX镇政府工作报告》的主要数据，依次为一、2023年工作回顾、`) {
		t.Errorf("the page does not link its picture with a description:\n%.3000s", page)
	}
	comparePicture(t, img, filepath.Join("testdata", "tu-title.png"), 370)

	// Again: the same picture, the same page.
	if code, _, errs := runCLI(t, "tu", "--root", root, "-o", pub, tuSeed); code != 0 {
		t.Fatalf("tu again: exit %d\n%s", code, errs)
	}
	again, _ := os.ReadFile(file)
	pageAgain, _ := os.ReadFile(tuPage(pub, tuSeed))
	if !bytes.Equal(again, data) || !bytes.Equal(pageAgain, page) {
		t.Errorf("a second run changed the picture (%v) or the page (%v)", !bytes.Equal(again, data), !bytes.Equal(pageAgain, page))
	}
}

// comparePicture compares the top h px of img with the golden picture:
// at most 1% of the pixels may differ by more than a faint shade (fonts
// and anti-aliasing vary a little between Chromium builds; a lost title,
// a moved band or other colours do not pass). -update rewrites it.
func comparePicture(t *testing.T, img image.Image, golden string, h int) {
	t.Helper()
	top := image.NewRGBA(image.Rect(0, 0, img.Bounds().Dx(), h))
	draw.Draw(top, top.Bounds(), img, img.Bounds().Min, draw.Src)
	if *update {
		var buf bytes.Buffer
		if err := png.Encode(&buf, quantize(top, tuColours)); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %s: look at it before committing", golden)
		return
	}
	f, err := os.Open(golden)
	if err != nil {
		t.Fatalf("%v (go test -update writes it)", err)
	}
	defer f.Close()
	want, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	if want.Bounds().Size() != top.Bounds().Size() {
		t.Fatalf("golden %v, picture top %v", want.Bounds().Size(), top.Bounds().Size())
	}
	differ := 0
	for y := range h {
		for x := range top.Bounds().Dx() {
			if colourDistance(top.At(x, y), want.At(x, y)) > 48 {
				differ++
			}
		}
	}
	share := float64(differ) / float64(h*top.Bounds().Dx())
	t.Logf("title band: %.3f%% of pixels differ from %s", 100*share, golden)
	if share > 0.01 {
		t.Errorf("the title band differs from %s in %.2f%% of its pixels (tolerance 1%%): look at the picture; if the change is right, go test -update", golden, 100*share)
	}
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

// pngTexts returns a PNG's iTXt chunks by keyword, checking their CRCs.
func pngTexts(t *testing.T, data []byte) map[string]string {
	t.Helper()
	out := map[string]string{}
	for p := 8; p+12 <= len(data); {
		n := int(binary.BigEndian.Uint32(data[p:]))
		chunk := data[p+4 : p+8+n]
		if crc32.ChecksumIEEE(chunk) != binary.BigEndian.Uint32(data[p+8+n:]) {
			t.Fatalf("chunk %s: bad CRC", chunk[:4])
		}
		if string(chunk[:4]) == "iTXt" {
			key, rest, _ := bytes.Cut(chunk[4:], []byte{0})
			out[string(key)] = string(rest[4:]) // flag, method, empty language, empty translated keyword
		}
		p += 12 + n
	}
	return out
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
	if got := pngTexts(t, data); got["Title"] != "一图读懂：2023年青山镇政府工作报告" || got["Software"] != "govreport" {
		t.Errorf("texts %q", got)
	}
	if _, err := withText([]byte("GIF89a"), nil); err == nil {
		t.Error("not a PNG: no error")
	}
}

func TestFillSlot(t *testing.T) {
	page := []byte(`<p class=tl><a href=../x.html>返回报告全文</a><span id=png></span></p><p>正文<span>不动</span>`)
	link := ` · <a href="x-tu.png" download>下载长图（PNG，1 KB）</a><small>说明</small>`
	out, changed, err := fillSlot(page, "png", link)
	if err != nil || !changed {
		t.Fatalf("changed %v, %v", changed, err)
	}
	want := `<p class=tl><a href=../x.html>返回报告全文</a><span id=png>` + link + `</span></p><p>正文<span>不动</span>`
	if string(out) != want {
		t.Errorf("got\n%s\nwant\n%s", out, want)
	}
	// Filled again with the same: unchanged; with another: replaced.
	if again, changed, _ := fillSlot(out, "png", link); changed || !bytes.Equal(again, out) {
		t.Error("filling the same again changed the page")
	}
	if other, _, _ := fillSlot(out, "png", " · 新"); !strings.Contains(string(other), `<span id=png> · 新</span></p>`) {
		t.Errorf("refill: %s", other)
	}
	if _, _, err := fillSlot([]byte(`<p>没有位置</p>`), "png", link); err == nil || !strings.Contains(err.Error(), `<span id="png">`) {
		t.Errorf("no slot: %v", err)
	}
}

// BenchmarkTu pictures the seed's 一图读懂 with one running browser: the
// screenshot, the palette and the PNG, and the page's link (what `govreport
// tu` does per report, without starting the browser).
func BenchmarkTu(b *testing.B) {
	needChromium(b)
	_, pub := tuSite(b)
	br, err := pdf.NewPrinter("")
	if err != nil {
		b.Fatal(err)
	}
	defer br.Close()
	var size int64
	var h int
	for b.Loop() {
		if size, h, err = saveTu(context.Background(), br, pub, tuSeed); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(size), "PNG-bytes")
	b.ReportMetric(float64(h), "px-tall")
}
