package pdf

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os/exec"
	"sort"
)

// Environment identifies what a PDF depends on besides the page printed:
// the browser (its version) and the fonts installed (the files fontconfig
// lists). A build keys its PDFs by it with the page's inputs, so a PDF
// printed by another browser or with other fonts is never reused.
func Environment(exe string) (string, error) {
	if exe == "" {
		var err error
		if exe, err = Chromium(); err != nil {
			return "", err
		}
	}
	version, err := exec.Command(exe, "--version").Output()
	if err != nil {
		return "", fmt.Errorf("%s --version: %w", exe, err)
	}
	h := sha256.New()
	h.Write(version)
	// fc-list is part of fontconfig, which Chromium needs on Linux.
	if fonts, err := exec.Command("fc-list", "--format", "%{file} %{fontversion}\n").Output(); err == nil {
		h.Write(sortLines(fonts))
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// sortLines returns b's lines sorted, so that the order fontconfig lists
// fonts in does not matter.
func sortLines(b []byte) []byte {
	lines := bytes.Split(bytes.TrimRight(b, "\n"), []byte("\n"))
	sort.Slice(lines, func(i, j int) bool { return bytes.Compare(lines[i], lines[j]) < 0 })
	return bytes.Join(lines, []byte("\n"))
}
