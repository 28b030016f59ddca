package main

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/govreport/govreport/internal/site"
)

func init() {
	commands["build"] = command{"[--root DIR] [-o DIR] [--baseURL URL]",
		"build the site: import new sources, write anchors and data, run Hugo, minify, publish into public/ atomically",
		(*cli).buildCmd}
	commands["serve"] = command{"[--root DIR] [--addr 127.0.0.1:1313]",
		"live preview for editors: build, serve on 127.0.0.1, rebuild when content, layouts, static, data or sources change",
		(*cli).serveCmd}
}

func (c *cli) buildCmd(args []string) error {
	fl := c.flags("build")
	root := fl.String("root", ".", "project `DIR` (config.toml, sources/, content/ …)")
	out := fl.String("o", "public", "site output `DIR`, replaced only on success")
	base := fl.String("baseURL", "", "the site's public `URL`, e.g. https://www.example.gov.cn/xxgk/zfgzbg/ (links stay relative)")
	if err := parse(fl, args, 0); err != nil {
		return err
	}
	start := time.Now()
	err := site.Build(context.Background(), site.BuildOptions{Root: *root, Out: *out, BaseURL: *base, Logf: c.logf})
	if err != nil {
		return err
	}
	c.logf("done      %6.0fms  %s", float64(time.Since(start).Microseconds())/1000, *out)
	return nil
}

func (c *cli) logf(format string, args ...any) { fmt.Fprintf(c.stderr, format+"\n", args...) }

func (c *cli) serveCmd(args []string) error {
	fl := c.flags("serve")
	root := fl.String("root", ".", "project `DIR`")
	addr := fl.String("addr", "127.0.0.1:1313", "address to listen on (loopback only)")
	if err := parse(fl, args, 0); err != nil {
		return err
	}
	host, _, err := net.SplitHostPort(*addr)
	if err != nil || !net.ParseIP(host).IsLoopback() && host != "localhost" {
		return fmt.Errorf("--addr %s: serve listens on a loopback address only (127.0.0.1)", *addr)
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return c.serve(ctx, *root, ln)
}

// serve builds the site into a temporary directory, serves it on ln, and
// rebuilds it when an input changes, until ctx is done. A failed rebuild
// keeps the last good site online and says why.
func (c *cli) serve(ctx context.Context, root string, ln net.Listener) error {
	dir, err := os.MkdirTemp("", "govreport-serve-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	out := filepath.Join(dir, "public")
	rebuild := func() {
		if err := site.Build(ctx, site.BuildOptions{Root: root, Out: out, Logf: c.logf}); err != nil {
			c.logf("build failed (still serving the last good site): %v", err)
		}
	}
	// The inputs as they are when the first build starts: an edit saved
	// while it runs, or as soon as the first page is up, counts as a change.
	last := stamp(root)
	rebuild()
	c.logf("serving http://%s/ — Ctrl+C to stop", ln.Addr())
	go watch(ctx, root, last, rebuild)
	srv := &http.Server{Handler: http.FileServer(http.Dir(out)), ReadHeaderTimeout: 5 * time.Second}
	go func() { <-ctx.Done(); srv.Close() }()
	if err := srv.Serve(ln); err != http.ErrServerClosed {
		return err
	}
	return nil
}

// watch calls rebuild when a file under the project's inputs changes from
// last. It polls modification times: no extra dependency, and a report site
// is small.
func watch(ctx context.Context, root, last string, rebuild func()) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-time.After(500 * time.Millisecond):
		}
		// Not stamped again after the build: an edit made while it ran must
		// count. What the build writes itself (anchors, data) brings one more
		// build, which writes nothing, since its writes are idempotent.
		if s := stamp(root); s != last {
			last = s
			rebuild()
		}
	}
}

// stamp summarises the inputs' names, sizes and modification times.
func stamp(root string) string {
	var h strings.Builder
	for _, d := range []string{"config.toml", "content", "layouts", "static", "data", "sources"} {
		fmt.Fprintln(&h, d, site.FileStamps(filepath.Join(root, d))) // fmt prints a map in key order
	}
	return h.String()
}
