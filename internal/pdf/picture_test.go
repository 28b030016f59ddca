package pdf_test

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/govreport/govreport/internal/pdf"
)

var update = flag.Bool("update", false, "rewrite the golden picture testdata/tu-title.png (review it first)")

// TestTu pictures the seed's 一图读懂 as TestMain built it: one PNG 1080 px
// wide, few colours, its title and description inside, linked from the
// page with its text alternative; the top of it, the title band, as the
// reviewed golden picture shows it; taken again, the same bytes.
func TestTu(t *testing.T) {
	var log strings.Builder
	var mu sync.Mutex
	logf := func(format string, args ...any) {
		mu.Lock()
		defer mu.Unlock()
		fmt.Fprintf(&log, format+"\n", args...)
	}
	err := pdf.TuSite(context.Background(), pub, []string{seedSlug}, pdf.Options{Logf: logf})
	if errors.Is(err, pdf.ErrNoChromium) {
		unavailable(t, "%v", err)
	} else if err != nil {
		t.Fatal(err)
	}
	if _, err := pdf.LinkTu(pub, seedSlug); err != nil {
		t.Fatal(err)
	}
	file := pdf.TuPNG(pub, seedSlug)
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(log.String(), file) {
		t.Errorf("the log does not name %s:\n%s", file, log.String())
	}
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	pal, ok := img.(*image.Paletted)
	if !ok || len(pal.Palette) > pdf.TuColours {
		t.Errorf("%T, want a palette of at most %d colours", img, pdf.TuColours)
	}
	b := img.Bounds()
	if b.Dx() != pdf.TuWidth || b.Dy() < 2000 {
		t.Errorf("picture %d×%d, want %d wide and a tall one", b.Dx(), b.Dy(), pdf.TuWidth)
	}
	texts, err := pdf.PNGTexts(data)
	if err != nil || !strings.Contains(texts["Title"], "2023年XX镇政府工作报告") || !strings.Contains(texts["Description"], "本图数据来自") {
		t.Errorf("PNG texts %q, %v", texts, err)
	}
	page, err := os.ReadFile(pdf.TuPage(pub, seedSlug))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(page), `<span id=png> · <a href="`+seedSlug+`-tu.png" download>下载长图（PNG，`) ||
		!strings.Contains(string(page), `<small>长图内容与本页相同：《2023年XX镇政府工作报告》的主要数据，依次为一、2023年工作回顾、`) {
		t.Errorf("the page does not link its picture with a description:\n%.3000s", page)
	}
	comparePicture(t, img, filepath.Join("testdata", "tu-title.png"), 370)

	// Again, with a running browser: the same picture, the same page.
	p, err := pdf.NewPrinter("")
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	size, err := pdf.SaveTu(context.Background(), p, pub, seedSlug)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := pdf.LinkTu(pub, seedSlug); err != nil {
		t.Fatal(err)
	}
	again, _ := os.ReadFile(file)
	pageAgain, _ := os.ReadFile(pdf.TuPage(pub, seedSlug))
	if size != int64(len(again)) || !bytes.Equal(again, data) || !bytes.Equal(pageAgain, page) {
		t.Errorf("a second run changed the picture (%v) or the page (%v); size %d of %d", !bytes.Equal(again, data), !bytes.Equal(pageAgain, page), size, len(again))
	}
	if dir := os.Getenv("GOVREPORT_PDF"); dir != "" {
		os.WriteFile(filepath.Join(dir, filepath.Base(file)), data, 0o644)
	}
}

// comparePicture compares the top h px of img with the golden picture:
// at most 1% of the pixels may differ by more than a faint shade (fonts
// and anti-aliasing vary a little between Chromium builds; a lost title,
// a moved band or other colours do not pass). -update rewrites it.
func comparePicture(t *testing.T, img image.Image, golden string, h int) {
	t.Helper()
	top := img.(interface {
		SubImage(image.Rectangle) image.Image
	}).SubImage(image.Rect(0, 0, img.Bounds().Dx(), h))
	if *update {
		var buf bytes.Buffer
		if err := png.Encode(&buf, top); err != nil {
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
			if pdf.ColourDistance(top.At(x, y), want.At(x, y)) > 48 {
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
