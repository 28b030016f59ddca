package site

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"golang.org/x/sys/unix"
)

// stateDir is the project's own folder for what a build keeps between
// runs: the lock and the manifests of the outputs it published. It is never
// published and never part of the site.
const stateDir = ".govreport"

// inputs are what a project holds that a build reads; an output may be
// none of them, nor inside one.
var inputs = []string{"config.toml", "content", "layouts", "static", "data", "sources", "assets", "i18n", "archetypes", ".git", stateDir}

// lockProject takes the project's build lock, waiting while another build
// holds it (saying which), and returns the function that releases it. The
// lock is an flock on .govreport/lock: the kernel releases it when a build
// dies, however it dies, so a stale lock cannot block the next build.
func lockProject(root string, logf func(string, ...any)) (func(), error) {
	dir := filepath.Join(root, stateDir)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("cannot create %s: %w", dir, err)
	}
	f, err := os.OpenFile(filepath.Join(dir, "lock"), os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, err
	}
	if err := unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB); err != nil {
		if !errors.Is(err, unix.EWOULDBLOCK) {
			f.Close()
			return nil, fmt.Errorf("lock %s: %w", f.Name(), err)
		}
		pid, _ := os.ReadFile(f.Name())
		logf("waiting   another build (pid %s) is running in %s", strings.TrimSpace(string(pid)), root)
		if err := flockWait(f); err != nil {
			f.Close()
			return nil, fmt.Errorf("lock %s: %w", f.Name(), err)
		}
	}
	if err := f.Truncate(0); err == nil {
		_, _ = f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)
	}
	return func() {
		_ = f.Truncate(0)
		_ = unix.Flock(int(f.Fd()), unix.LOCK_UN)
		f.Close()
	}, nil
}

// flockWait blocks until f's exclusive lock is ours, retrying when a
// signal interrupts the wait.
func flockWait(f *os.File) error {
	for {
		err := unix.Flock(int(f.Fd()), unix.LOCK_EX)
		if !errors.Is(err, syscall.EINTR) {
			return err
		}
	}
}

// checkOutput refuses an output folder whose replacement would destroy
// something: the project or a folder holding it, one of its inputs or a
// folder inside one, a file, or a non-empty folder that is not a site this
// project published before (unless force). It returns out made absolute,
// with symbolic links resolved, so that the checks hold for what is
// actually replaced.
func checkOutput(root, out string, force bool) (string, error) {
	absRoot, err := realPath(root)
	if err != nil {
		return "", err
	}
	abs, err := realPath(out)
	if err != nil {
		return "", err
	}
	if abs == filepath.Dir(abs) {
		return "", fmt.Errorf("-o %s: the output cannot be the file system's root", out)
	}
	if isWithin(absRoot, abs) {
		return "", fmt.Errorf("-o %s is the project or a folder holding it: give the site its own folder, such as public", out)
	}
	for _, in := range inputs {
		if p := filepath.Join(absRoot, in); isWithin(abs, p) {
			return "", fmt.Errorf("-o %s is inside the project's %s, which the build reads: give the site its own folder, such as public", out, in)
		}
	}
	info, err := os.Lstat(abs)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return abs, nil
	case err != nil:
		return "", err
	case !info.IsDir():
		return "", fmt.Errorf("-o %s is a file, not a folder: the site is a folder of pages", out)
	}
	if force || published(absRoot, abs) || earlierOutput(abs) {
		return abs, nil
	}
	entries, err := os.ReadDir(abs)
	if err != nil {
		return "", err
	}
	if len(entries) > 0 {
		return "", fmt.Errorf("-o %s holds files that this project did not publish: build into an empty or new folder, or pass --force to replace everything in it", out)
	}
	return abs, nil
}

// earlierOutput reports whether dir holds a site an earlier govreport made
// before builds kept manifests: its style sheet, sitemap and reports.
func earlierOutput(dir string) bool {
	for _, p := range []string{"css/site.min.css", "sitemap.xml", "reports"} {
		if _, err := os.Stat(filepath.Join(dir, p)); err != nil {
			return false
		}
	}
	return true
}

// realPath returns p absolute and clean, with the symbolic links of its
// longest existing prefix resolved.
func realPath(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	rest := ""
	for dir := abs; ; dir = filepath.Dir(dir) {
		if r, err := filepath.EvalSymlinks(dir); err == nil {
			return filepath.Join(r, rest), nil
		}
		if dir == filepath.Dir(dir) {
			return abs, nil
		}
		rest = filepath.Join(filepath.Base(dir), rest)
	}
}

// isWithin reports whether path is dir or inside it.
func isWithin(path, dir string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// tempPrefix names the temporary folders a build makes next to its output
// (the new site, then the old one on its way out): hidden, and tied to the
// output's name so that stale ones can be told apart and removed.
func tempPrefix(out string) string {
	return "." + filepath.Base(out) + ".govreport-"
}

// removeStale removes what an earlier build of out left behind when it
// was killed: its temporary folders next to out. Called with the project
// lock held, so none of them belongs to a running build of this project.
func removeStale(out string, logf func(string, ...any)) {
	matches, _ := filepath.Glob(filepath.Join(filepath.Dir(out), tempPrefix(out)+"*"))
	for _, m := range matches {
		if err := os.RemoveAll(m); err == nil {
			logf("cleanup   removed %s, left by an interrupted build", m)
		}
	}
	// What builds before this version left.
	for _, old := range []string{out + ".old"} {
		if _, err := os.Stat(old); err == nil && os.RemoveAll(old) == nil {
			logf("cleanup   removed %s, left by an interrupted build", old)
		}
	}
	legacy, _ := filepath.Glob(filepath.Join(filepath.Dir(out), ".public-new-*"))
	for _, m := range legacy {
		if err := os.RemoveAll(m); err == nil {
			logf("cleanup   removed %s, left by an interrupted build", m)
		}
	}
}

// newTemp makes a temporary folder next to out, readable by its owner
// only: should out sit in a web root, a half-built site is not served.
func newTemp(out, what string) (string, error) {
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return "", err
	}
	return os.MkdirTemp(filepath.Dir(out), tempPrefix(out)+what+"-")
}

// publish puts the finished site next in the place of out in one atomic
// step: the two folders are exchanged (renameat2 RENAME_EXCHANGE), so a
// reader always finds either the old site or the new one, and a build
// killed at any moment leaves one of them in place. The old site, now at
// next, is removed afterwards. Where the file system cannot exchange, it
// falls back to two renames.
//
// With later, the old site is removed in the background (serve, whose
// process goes on: what a quit leaves, the next build removes).
func publish(next, out string, later bool) error {
	if err := os.Chmod(next, 0o755); err != nil {
		return err
	}
	err := unix.Renameat2(unix.AT_FDCWD, next, unix.AT_FDCWD, out, unix.RENAME_EXCHANGE)
	switch {
	case err == nil && later:
		go os.RemoveAll(next)
		return nil
	case err == nil:
		return os.RemoveAll(next)
	case errors.Is(err, unix.ENOENT):
		return os.Rename(next, out) // the first build: nothing to exchange
	case errors.Is(err, unix.EINVAL) || errors.Is(err, unix.ENOSYS):
		return publishByRenames(next, out)
	}
	return fmt.Errorf("publish %s: %w", out, err)
}

// publishByRenames moves out aside and next into its place, for file
// systems without an atomic exchange; a failure puts the old site back.
func publishByRenames(next, out string) error {
	old := next + "-old-" + strconv.FormatInt(time.Now().UnixNano(), 36)
	if err := os.Rename(out, old); err != nil {
		return fmt.Errorf("publish %s: %w", out, err)
	}
	if err := os.Rename(next, out); err != nil {
		_ = os.Rename(old, out)
		return fmt.Errorf("publish %s: %w", out, err)
	}
	return os.RemoveAll(old)
}
