package store

import (
	"bufio"
	"fmt"
	"os"
	"strings"

	"golang.org/x/sys/unix"
)

// freeSpace returns the bytes an unprivileged process may still write on
// the file system holding dir (or its nearest existing parent).
func freeSpace(dir string) (int64, bool) {
	var st unix.Statfs_t
	for d := dir; ; d = parentDir(d) {
		if err := unix.Statfs(d, &st); err == nil {
			return int64(st.Bavail) * st.Bsize, true
		}
		if parentDir(d) == d {
			return 0, false
		}
	}
}

// mountOf finds, in /proc/self/mountinfo, the mount whose device is that
// of path (or its nearest existing parent), and returns its source and
// mount point.
func mountOf(path string) (dev, mount string, ok bool) {
	var st unix.Stat_t
	for d := path; unix.Stat(d, &st) != nil; d = parentDir(d) {
		if parentDir(d) == d {
			return "", "", false
		}
	}
	want := fmt.Sprintf("%d:%d", unix.Major(st.Dev), unix.Minor(st.Dev))
	f, err := os.Open("/proc/self/mountinfo")
	if err != nil {
		return "", "", false
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		// 36 35 98:0 /mnt1 /mnt2 rw,noatime master:1 - ext3 /dev/root rw
		fields := strings.Fields(sc.Text())
		sep := -1
		for i, f := range fields {
			if f == "-" {
				sep = i
				break
			}
		}
		if len(fields) < 5 || fields[2] != want || sep < 0 || sep+2 >= len(fields) {
			continue
		}
		dev, mount = fields[sep+2], fields[4]
	}
	return dev, mount, dev != ""
}
