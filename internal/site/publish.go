package site

import (
	"os"
	"path/filepath"
)

// WriteFile writes data to path atomically (a temporary file renamed into
// place), creating its directory: a reader sees the old file or the new.
func WriteFile(path string, data []byte) error {
	return writeFileVia("", path, data)
}

// writeFileVia writes data to path atomically through a temporary file in
// tmpDir (which must be on path's file system), or beside path when tmpDir
// is "": a build killed while writing leaves its temporary file in its own
// folder (.govreport/), never in content/ or data/.
func writeFileVia(tmpDir, path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	if tmpDir == "" {
		tmpDir = filepath.Dir(path)
	}
	tmp, err := os.CreateTemp(tmpDir, ".govreport-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	_, err = tmp.Write(data)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp.Name(), 0o644)
	}
	if err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
