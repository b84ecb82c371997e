//go:build !unix

package corpus

import "io/fs"

// fileIdentity names the file or folder behind a path, however it was
// reached: its real absolute path.
func fileIdentity(p string, _ fs.FileInfo) string { return realPath(p) }
