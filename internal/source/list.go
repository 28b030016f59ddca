package source

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// ListName is the file beside the sources that says where each came from:
// tab-separated lines of file name, source address, what it is, and
// notes, after a header line. An editor keeps it by hand; import reads the
// address into the report's front matter (source_url).
const ListName = "SOURCES.tsv"

// Origin is what the list says of one source.
type Origin struct {
	URL   string // the public address its text was taken from
	What  string // what it is: place, year, level
	Notes string // whole or partial, what is missing
}

// Origins reads the list in dir, by file name; a missing list is empty.
// A line with a file name but too few columns is an error naming it.
func Origins(dir string) (map[string]Origin, error) {
	path := filepath.Join(dir, ListName)
	data, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return map[string]Origin{}, nil
	} else if err != nil {
		return nil, err
	}
	out := map[string]Origin{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimRight(sc.Text(), "\r")
		if n == 1 || strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue // the header
		}
		cols := strings.Split(line, "\t")
		if len(cols) < 2 {
			return nil, fmt.Errorf("%s:%d: want file name, address, what it is and notes, separated by tabs", path, n)
		}
		for len(cols) < 4 {
			cols = append(cols, "")
		}
		out[strings.TrimSpace(cols[0])] = Origin{URL: strings.TrimSpace(cols[1]), What: strings.TrimSpace(cols[2]), Notes: strings.TrimSpace(cols[3])}
	}
	return out, sc.Err()
}
