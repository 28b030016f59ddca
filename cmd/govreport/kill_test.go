package main

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/govreport/govreport/internal/testcorpus"
)

// The test binary is also the CLI, for tests that need a process to kill.
func TestMain(m *testing.M) {
	if os.Getenv("GOVREPORT_TEST_CLI") == "1" {
		os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

// cliCommand returns a command running this test binary as govreport.
func cliCommand(args ...string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), "GOVREPORT_TEST_CLI=1")
	return cmd
}

// treeSum hashes every file under dir with its path, or "" when dir is
// missing.
func treeSum(t *testing.T, dir string) string {
	t.Helper()
	if _, err := os.Stat(dir); err != nil {
		return ""
	}
	var lines []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(data)
		rel, _ := filepath.Rel(dir, p)
		lines = append(lines, rel+" "+hex.EncodeToString(sum[:]))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(lines)
	sum := sha256.Sum256([]byte(strings.Join(lines, "\n")))
	return hex.EncodeToString(sum[:])
}

// TestKillDuringBuild kills builds at random moments (SIGKILL, and SIGTERM
// as Ctrl+C would) while the content switches between two versions. After
// each, public/ is one version's site whole, never missing or mixed, and
// content/ and data/ are one version's, changed only by a build that
// published its site; the next build runs, removing what the killed one
// left.
func TestKillDuringBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("builds many times")
	}
	root := t.TempDir()
	if err := testcorpus.Project(root, true); err != nil {
		t.Fatal(err)
	}
	build := func() {
		t.Helper()
		if out, err := cliCommand("build", "--root", root, "-o", filepath.Join(root, "public")).CombinedOutput(); err != nil {
			t.Fatalf("build: %v\n%s", err, out)
		}
	}
	md := filepath.Join(root, "content", "reports", "2023-xx-zhen", "index.md")
	// Two versions of the project, each built whole: what public/, content/
	// and data/ may be.
	type version struct {
		md                    []byte
		public, content, data string
	}
	var versions [2]version
	build()
	for i := range versions {
		if i == 1 {
			data, _ := os.ReadFile(md)
			edited := strings.Replace(string(data), "同比增长20.56%", "同比增长21.56%", 1)
			if edited == string(data) {
				t.Fatal("the seed changed: edit another figure")
			}
			if err := os.WriteFile(md, []byte(edited), 0o644); err != nil {
				t.Fatal(err)
			}
			build()
		}
		data, _ := os.ReadFile(md)
		versions[i] = version{data, treeSum(t, filepath.Join(root, "public")), treeSum(t, filepath.Join(root, "content")), treeSum(t, filepath.Join(root, "data"))}
	}
	which := func(what, got string, pick func(version) string) int {
		for i, v := range versions {
			if pick(v) == got {
				return i
			}
		}
		var files []string
		_ = filepath.WalkDir(filepath.Join(root, strings.TrimSuffix(what, "/")), func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				files = append(files, p)
			}
			return nil
		})
		t.Fatalf("%s is neither version's: missing or mixed: %v", what, files)
		return -1
	}
	rng := rand.New(rand.NewPCG(8, 8))
	current, lastData := 1, 1
	for i := range 24 {
		next := 1 - current
		if err := os.WriteFile(md, versions[next].md, 0o644); err != nil {
			t.Fatal(err)
		}
		cmd := cliCommand("build", "--root", root, "-o", filepath.Join(root, "public"))
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(rng.IntN(400)) * time.Millisecond)
		sig := syscall.SIGKILL
		if i%3 == 2 {
			sig = syscall.SIGTERM
		}
		_ = cmd.Process.Signal(sig)
		_ = cmd.Wait()
		pub := which("public/", treeSum(t, filepath.Join(root, "public")), func(v version) string { return v.public })
		data := which("data/", treeSum(t, filepath.Join(root, "data")), func(v version) string { return v.data })
		// data/ may lag behind public/ (a kill between publishing and
		// writing back), never run ahead of it.
		if data == next && pub != next && lastData != next {
			t.Fatalf("kill %d: data/ was written before the site was published", i)
		}
		lastData = data
		which("content/", treeSum(t, filepath.Join(root, "content")), func(v version) string { return v.content })
		current = pub
		if i%4 == 3 { // a whole build now and then: it cleans up and publishes
			build()
			current, lastData = next, next
			if got := treeSum(t, filepath.Join(root, "public")); got != versions[next].public {
				t.Fatalf("kill %d: the build after it published a different site", i)
			}
		}
	}
	build()
	left, _ := filepath.Glob(filepath.Join(root, ".public.govreport-*"))
	work, _ := filepath.Glob(filepath.Join(root, ".govreport", "work-*"))
	if len(left)+len(work) > 0 {
		t.Errorf("left after the last build: %v %v", left, work)
	}
}

// TestServeNoGaps: requests to serve while it rebuilds always find the
// page; odd paths get 404, never 500, and folders are never listed.
func TestServeNoGaps(t *testing.T) {
	dir := t.TempDir()
	mustWriteFile(t, filepath.Join(dir, "index.html"), "<p>home")
	mustWriteFile(t, filepath.Join(dir, "css", "site.css"), "p{}")
	srv := httptest.NewServer(siteHandler(dir, newBroadcast()))
	defer srv.Close()
	for _, tc := range []struct {
		path string
		code int
	}{
		{"/", 200},
		{"/index.html", 200},
		{"/css/site.css", 200},
		{"/css/", 404},
		{"/" + strings.Repeat("a", 300), 404},
		{"/css/" + strings.Repeat("我", 100) + ".css", 404},
		{"/../etc/passwd", 404},
		{"/.govreport/lock", 404},
	} {
		resp, err := http.Get(srv.URL + tc.path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != tc.code {
			t.Errorf("GET %.40s: %d, want %d", tc.path, resp.StatusCode, tc.code)
		}
	}
}

func mustWriteFile(t *testing.T, name, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestRequestsDuringRebuilds: while builds publish one site after another,
// every request for a page finds it.
func TestRequestsDuringRebuilds(t *testing.T) {
	root := t.TempDir()
	if err := testcorpus.Project(root, true); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(root, "public")
	if code, _, errs := runCLI(t, "build", "--root", root, "-o", out); code != 0 {
		t.Fatal(errs)
	}
	srv := httptest.NewServer(siteHandler(out, newBroadcast()))
	defer srv.Close()
	stop := make(chan struct{})
	results := make(chan string)
	go func() {
		n, bad := 0, 0
		for {
			select {
			case <-stop:
				results <- fmt.Sprintf("%d/%d", bad, n)
				return
			default:
			}
			resp, err := http.Get(srv.URL + "/reports/2023-xx-zhen.html")
			n++
			if err != nil || resp.StatusCode != 200 {
				bad++
			}
			if resp != nil {
				resp.Body.Close()
			}
		}
	}()
	md := filepath.Join(root, "content", "reports", "2023-xx-zhen", "index.md")
	for i := range 6 {
		data, _ := os.ReadFile(md)
		if err := os.WriteFile(md, append(data, fmt.Sprintf("\n第%d次修改。\n", i)...), 0o644); err != nil {
			t.Fatal(err)
		}
		if code, _, errs := runCLI(t, "build", "--root", root, "-o", out); code != 0 {
			t.Fatal(errs)
		}
	}
	close(stop)
	if got := <-results; !strings.HasPrefix(got, "0/") {
		t.Errorf("failed requests during rebuilds: %s", got)
	} else {
		t.Logf("failed requests during 6 rebuilds: %s", got)
	}
}
