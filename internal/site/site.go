// Package site renders a govreport Hugo project into static HTML by running
// Hugo v0.165.0 in-process (no hugo binary needed).
//
// It uses the same low-level API as Hugo's own command and its integration
// test builder: allconfig.LoadConfig → hugofs.NewFrom → hugolib.NewHugoSites →
// HugoSites.Build. The cobra-based commands.Execute is deliberately not used:
// it changes GOMAXPROCS, redirects the standard "log" package, prints to
// os.Stdout, reads HUGO_ENVIRONMENT and os.Getwd, and is only ever run by
// Hugo's own tests in a child process.
package site

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"

	"github.com/bep/logg"
	"github.com/gohugoio/hugo/common/loggers"
	"github.com/gohugoio/hugo/config"
	"github.com/gohugoio/hugo/config/allconfig"
	"github.com/gohugoio/hugo/deps"
	"github.com/gohugoio/hugo/hugofs"
	"github.com/gohugoio/hugo/hugolib"
	"github.com/spf13/afero"
)

// Options for a build.
type Options struct {
	Root    string // project dir containing config.toml, content/, layouts/, static/, data/
	Dest    string // output dir (will be created); the caller handles atomic replace
	BaseURL string // e.g. "/xxgk/zfgzbg/" or "https://example.gov.cn/xxgk/"; "" → keep config
	// PublicURL is where the site will be served, for canonical links and
	// the sitemap; templates see it as site.Params.publicurl while every
	// link stays relative, so the same output works under any sub-path.
	PublicURL string
	Logf      func(format string, args ...any) // progress, may be nil
	// DisableKinds are page kinds not to render (Hugo's disableKinds),
	// added to config.toml's.
	DisableKinds []string
	// Publish, when set, receives the site instead of the disk: Dest is
	// then a path in it. The build renders into memory and writes each
	// page once, finished.
	Publish afero.Fs
}

// mu serialises builds: LoadConfig installs a process-global logger
// (loggers.SetGlobalLogger) and Build adds that global's error count to its
// own, so two concurrent builds would see each other's errors.
var mu sync.Mutex

// Hugo runs Hugo v0.165.0 in-process on opts.Root and writes the site into opts.Dest.
func Hugo(ctx context.Context, opts Options) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	logf := opts.Logf
	if logf == nil {
		logf = func(string, ...any) {}
	}
	root, err := filepath.Abs(opts.Root)
	if err != nil {
		return err
	}
	dest, err := filepath.Abs(opts.Dest)
	if err != nil {
		return err
	}
	// LoadConfig silently falls back to defaults when the named file is missing.
	cfgFile := filepath.Join(root, "config.toml")
	if _, err := os.Stat(cfgFile); err != nil {
		return err
	}
	// Hugo's caches (cacheDir: modules, images, getresource) and resourceDir
	// (resources/_gen, written next to the project by default) go to a
	// throw-away dir so a build never litters Root or ~/.cache/hugo_cache.
	tmp, err := os.MkdirTemp("", "govreport-hugo-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)

	// Flags win over config.toml, like hugo's command-line flags.
	flags := config.New()
	flags.Set("workingDir", root)
	flags.Set("publishDir", dest)
	flags.Set("cacheDir", filepath.Join(tmp, "cache"))
	flags.Set("resourceDir", filepath.Join(tmp, "resources"))
	// Else Hugo leaves Root/.hugo_build.lock behind; mu already serialises us.
	flags.Set("noBuildLock", true)
	// Output must depend on the inputs only, not on today's date: by default
	// pages with a future date or a past expiryDate are silently dropped.
	flags.Set("buildFuture", true)
	flags.Set("buildExpired", true)
	if opts.BaseURL != "" {
		flags.Set("baseURL", opts.BaseURL)
	}
	if opts.PublicURL != "" {
		flags.Set("params.publicurl", opts.PublicURL)
	}
	if len(opts.DisableKinds) > 0 {
		flags.Set("disableKinds", opts.DisableKinds)
	}
	// No network and no child processes: a report site needs neither, and
	// this makes a build reproducible offline. "none" is Hugo's accept-nothing
	// whitelist keyword. Blocks resources.GetRemote, os.Getenv in templates,
	// and exec of git/go/node/sass (so Hugo Modules imports, which need `go`, fail
	// fast instead of downloading).
	flags.Set("security", map[string]any{
		"exec":  map[string]any{"allow": []string{"none"}, "osEnv": []string{"none"}},
		"http":  map[string]any{"urls": []string{"none"}},
		"funcs": map[string]any{"getenv": []string{"none"}},
	})

	logw := &lineWriter{logf: logf}
	defer logw.Flush()
	logger := loggers.New(loggers.Options{
		Level:         logg.LevelWarn,
		StdOut:        logw,
		StdErr:        logw,
		DistinctLevel: logg.LevelWarn, // print repeated warnings once
	})

	mu.Lock()
	defer mu.Unlock()

	configs, err := allconfig.LoadConfig(allconfig.ConfigSourceDescriptor{
		Fs:          hugofs.Os,
		Flags:       flags,
		Filename:    cfgFile,
		Environment: "production", // what `hugo` (build) uses; selects config/production/
		// Non-empty so LoadConfig does not fall back to os.Environ(): every
		// HUGO_xxx variable would otherwise override config keys
		// (HUGO_BASEURL, HUGO_PARAMS_..., HUGO_MARKUP_...).
		Environ: []string{"GOVREPORT_HUGO=1"},
		Logger:  logger,
	})
	if err != nil {
		return err
	}
	// relativeURLs rewrites root-relative links ("/xxgk/css/a.css") into
	// "../../xxgk/css/a.css" relative to the publish root, which is wrong when
	// baseURL has a path. Never worked in Hugo (gohugoio/hugo#12130), so refuse.
	if p := configs.Base.C.BaseURL.Path(); configs.Base.RelativeURLs && strings.Trim(p, "/") != "" {
		return fmt.Errorf("relativeURLs = true needs a baseURL without a path, got %q (relative output works under any sub-path anyway)", configs.Base.BaseURL)
	}
	fs := hugofs.NewFrom(hugofs.Os, configs.LoadingInfo.BaseConfig)
	if opts.Publish != nil {
		dirs := config.New()
		dirs.Set("workingDir", configs.LoadingInfo.BaseConfig.WorkingDir)
		dirs.Set("publishDir", configs.LoadingInfo.BaseConfig.PublishDir)
		fs = hugofs.NewFromSourceAndDestination(hugofs.Os, opts.Publish, dirs)
	}
	h, err := hugolib.NewHugoSites(deps.DepsCfg{
		Configs:  configs,
		Fs:       fs,
		LogLevel: logger.Level(),
		StdOut:   logw,
		StdErr:   logw,
	})
	if err != nil {
		return err
	}
	defer h.Close()

	// Build has no cancellation hook; ctx is only checked between phases.
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := h.Build(hugolib.BuildCfg{}); err != nil {
		return err
	}
	return nil
}

// ansi matches the colour codes Hugo's logger adds, and the OSC 9;4 progress
// codes Build writes, whenever os.Stderr/os.Stdout is a terminal, even though
// our writer is not one.
var ansi = regexp.MustCompile(`\x1b\[[0-9;]*[A-Za-z]|\x1b\][^\x07]*\x07`)

// lineWriter turns Hugo's log output into Logf calls, one per line.
type lineWriter struct {
	mu   sync.Mutex
	buf  bytes.Buffer
	logf func(string, ...any)
}

var _ io.Writer = (*lineWriter)(nil)

func (w *lineWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.buf.Write(p)
	for {
		line, err := w.buf.ReadString('\n')
		if err != nil { // no newline yet: keep the rest
			w.buf.WriteString(line)
			return len(p), nil
		}
		if line = strings.TrimSpace(ansi.ReplaceAllString(line, "")); line != "" {
			w.logf("hugo: %s", line)
		}
	}
}

func (w *lineWriter) Flush() {
	w.mu.Lock()
	defer w.mu.Unlock()
	if s := strings.TrimSpace(ansi.ReplaceAllString(w.buf.String(), "")); s != "" {
		w.logf("hugo: %s", s)
	}
	w.buf.Reset()
}
