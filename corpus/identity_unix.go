//go:build unix

package corpus

import (
	"io/fs"
	"strconv"
	"syscall"
)

// fileIdentity names the file or folder behind a path, however it was
// reached (through symlinks, or twice): its device and inode, read from
// the stat the walk already made.
func fileIdentity(p string, fi fs.FileInfo) string {
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		return strconv.FormatUint(uint64(st.Dev), 10) + ":" + strconv.FormatUint(uint64(st.Ino), 10)
	}
	return realPath(p)
}
