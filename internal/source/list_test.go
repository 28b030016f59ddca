package source

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestOrigins(t *testing.T) {
	dir := t.TempDir()
	if got, err := Origins(dir); err != nil || len(got) != 0 {
		t.Fatalf("no list: %v %v", got, err)
	}
	list := "file\tsource_url\twhat\tnotes\n" +
		"a.txt\thttps://www.example.gov.cn/a.html\t青山镇, 2023\twhole\r\n" +
		"\n" +
		"b.txt\t\n"
	if err := os.WriteFile(filepath.Join(dir, ListName), []byte(list), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := Origins(dir)
	if err != nil {
		t.Fatal(err)
	}
	if got["a.txt"] != (Origin{"https://www.example.gov.cn/a.html", "青山镇, 2023", "whole"}) {
		t.Errorf("a.txt: %+v", got["a.txt"])
	}
	if _, ok := got["b.txt"]; !ok || got["b.txt"].URL != "" {
		t.Errorf("b.txt: %+v", got["b.txt"])
	}
	if err := os.WriteFile(filepath.Join(dir, ListName), []byte("h\nc.txt\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Origins(dir); err == nil || !strings.Contains(err.Error(), ":2:") {
		t.Errorf("a line without columns: %v", err)
	}
}
