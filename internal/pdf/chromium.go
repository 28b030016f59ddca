package pdf

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"time"

	"github.com/chromedp/chromedp"
)

// ErrNoChromium is returned when no Chromium is installed.
var ErrNoChromium = errors.New("Chromium not found ($CHROME_PATH, /usr/bin/chromium or chromium on PATH); on Debian: apt-get install chromium")

// printTimeout bounds the printing of one page.
const printTimeout = 2 * time.Minute

// Chromium returns the browser to print with: the one CHROME_PATH names,
// else Debian's /usr/bin/chromium, else chromium or chromium-browser on
// PATH; ErrNoChromium when there is none.
func Chromium() (string, error) {
	if p := os.Getenv("CHROME_PATH"); p != "" {
		if _, err := exec.LookPath(p); err != nil {
			return "", fmt.Errorf("CHROME_PATH=%s: %w", p, ErrNoChromium)
		}
		return p, nil
	}
	if _, err := os.Stat("/usr/bin/chromium"); err == nil {
		return "/usr/bin/chromium", nil
	}
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", ErrNoChromium
}

// Printer is a running headless Chromium that prints pages to PDF and
// takes the 一图读懂's pictures (SaveTu), each in a tab of its own; several
// may work at once.
type Printer struct {
	ctx    context.Context // a chromedp context whose browser runs
	stop   func()
	output lockedBuffer // the browser's stdout and stderr, for errors
}

// NewPrinter starts the browser (Chromium() finds it when exe is ""), with
// a fresh profile, no sandbox (we may run as root), no GPU, no network
// (every host name resolves to nothing: a page prints from local files
// only), and none of its background services.
func NewPrinter(exe string) (*Printer, error) {
	if exe == "" {
		var err error
		if exe, err = Chromium(); err != nil {
			return nil, err
		}
	}
	dir, err := os.MkdirTemp("", "govreport-chromium-")
	if err != nil {
		return nil, err
	}
	p := &Printer{}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.UserDataDir(dir),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-domain-reliability", true),
		chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND"),
		chromedp.CombinedOutput(&p.output),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	bctx, cancelBrowser := chromedp.NewContext(actx)
	p.ctx = bctx
	p.stop = func() {
		cancelBrowser()
		cancelAlloc() // waits for the process to end
		os.RemoveAll(dir)
	}
	if err := chromedp.Do(bctx); err != nil { // starts the browser
		p.stop()
		return nil, fmt.Errorf("starting %s: %w\n%s", exe, err, p.output.String())
	}
	return p, nil
}

// Close stops the browser.
func (p *Printer) Close() { p.stop() }

// Print loads the HTML file at path in a new tab and prints it as Chromium
// does: A4 unless the page's CSS @page says otherwise, the page's own
// margins, no header or footer, tagged, with an outline from its headings.
// The bytes are Chromium's; Finish makes them the file to publish.
func (p *Printer) Print(ctx context.Context, path string) ([]byte, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	if _, err := os.Stat(abs); err != nil {
		return nil, err
	}
	tab, closeTab := chromedp.NewContext(p.ctx)
	defer closeTab()
	tab, cancel := context.WithTimeout(tab, printTimeout)
	defer cancel()
	stop := context.AfterFunc(ctx, cancel)
	defer stop()
	u := url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}
	if err := chromedp.Do(tab, chromedp.Navigate(u.String())); err != nil {
		return nil, fmt.Errorf("loading %s: %w", path, err)
	}
	// Local fonts need no loading, but a font-face a layout adds would.
	if _, err := chromedp.Run(tab, chromedp.Evaluate[string](`document.fonts.ready.then(f => f.status)`, chromedp.EvalAwaitPromise)); err != nil {
		return nil, fmt.Errorf("waiting for the fonts of %s: %w", path, err)
	}
	data, err := chromedp.Run(tab, chromedp.PrintToPDF(
		chromedp.PDFPaper(chromedp.PaperA4),
		chromedp.PDFPreferCSSPageSize(),
		chromedp.PDFOutlineAndTagged(),
	))
	if err != nil {
		return nil, fmt.Errorf("printing %s: %w", path, err)
	}
	return data, nil
}

// lockedBuffer keeps the last 64 KiB written to it, safe for concurrent
// writers.
type lockedBuffer struct {
	mu  sync.Mutex
	buf []byte
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.buf = append(b.buf, p...)
	if n := len(b.buf) - 64<<10; n > 0 {
		b.buf = b.buf[n:]
	}
	return len(p), nil
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return string(b.buf)
}
