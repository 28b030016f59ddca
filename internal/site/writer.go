package site

import (
	"os"
	"sync"
)

// fileWriter writes the new site's files from one goroutine while the
// build goes on making the next ones. Creating files is the kernel's work,
// and two threads creating files in one folder mostly wait on each other
// (the folder's lock, spun on): one writer keeps a core for rendering.
type fileWriter struct {
	jobs chan writeJob
	done chan struct{}
	mu   sync.Mutex
	err  error // the first write that failed
}

// writeJob is a file to write, or, with flushed set, a request to say
// when every file before it is written.
type writeJob struct {
	path    string
	data    []byte
	replace bool // remove the file first: it may be a link into the published site
	dir     func() error
	flushed chan struct{}
}

// writerQueue bounds the files waiting to be written (a report's pages
// are some 30 KB each).
const writerQueue = 256

func newFileWriter() *fileWriter {
	w := &fileWriter{jobs: make(chan writeJob, writerQueue), done: make(chan struct{})}
	go w.loop()
	return w
}

func (w *fileWriter) loop() {
	defer close(w.done)
	for j := range w.jobs {
		if j.flushed != nil {
			close(j.flushed)
			continue
		}
		if w.failed() != nil {
			continue
		}
		w.fail(writeFile(j))
	}
}

func writeFile(j writeJob) error {
	if err := j.dir(); err != nil {
		return err
	}
	if j.replace {
		if err := os.Remove(j.path); err != nil && !os.IsNotExist(err) {
			return err
		}
	}
	return os.WriteFile(j.path, j.data, 0o644)
}

// write queues data to be written to path, after dir (which makes its
// folder) succeeds; it returns the error of an earlier write, if any.
func (w *fileWriter) write(path string, data []byte, replace bool, dir func() error) error {
	if err := w.failed(); err != nil {
		return err
	}
	w.jobs <- writeJob{path: path, data: data, replace: replace, dir: dir}
	return nil
}

// flush waits until every file queued so far is written, and returns the
// first error.
func (w *fileWriter) flush() error {
	j := writeJob{flushed: make(chan struct{})}
	w.jobs <- j
	<-j.flushed
	return w.failed()
}

// close flushes and stops the writer.
func (w *fileWriter) close() error {
	close(w.jobs)
	<-w.done
	return w.failed()
}

func (w *fileWriter) fail(err error) {
	if err == nil {
		return
	}
	w.mu.Lock()
	if w.err == nil {
		w.err = err
	}
	w.mu.Unlock()
}

func (w *fileWriter) failed() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.err
}
