package main

import (
	"archive/tar"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// fill exports each entry's ref from a git directory under mirror (mirror/owner+name/repo,
// as the search tool's fetch lays it out, or any bare clone at mirror/owner+name.git)
// into cache/owner+name@ref. Entries already in the cache are left alone.
func fill(entries []entry, mirror, cache string) error {
	var missing []string
	for _, e := range entries {
		dst := filepath.Join(cache, e.Dir())
		if _, err := os.Stat(dst); err == nil {
			continue
		}
		gitDir := findGitDir(mirror, e.Repo)
		if gitDir == "" {
			missing = append(missing, e.Repo)
			continue
		}
		paths := []string{e.Path}
		if e.Path == "" {
			paths = nil
		}
		if err := export(gitDir, e.Ref, paths, dst); err != nil {
			// A snapshot can lack large files: export the Terraform-related files alone.
			if err2 := export(gitDir, e.Ref, terraformFiles(gitDir, e.Ref, e.Path), dst); err2 != nil {
				return fmt.Errorf("%s@%s: %w", e.Repo, e.Ref, err)
			}
			fmt.Printf("%s@%s: only Terraform files exported (%v)\n", e.Repo, e.Ref, err)
		}
		fmt.Printf("exported %s@%s into %s\n", e.Repo, e.Ref, dst)
	}
	if len(missing) > 0 {
		return fmt.Errorf("no git directory under %s for: %s", mirror, strings.Join(missing, ", "))
	}
	return nil
}

// findGitDir returns the git directory of repo under mirror, or "".
func findGitDir(mirror, repo string) string {
	name := strings.ReplaceAll(repo, "/", "+")
	for _, c := range []string{
		filepath.Join(mirror, name, "repo", ".git"),
		filepath.Join(mirror, name, "repo"),
		filepath.Join(mirror, name+".git"),
	} {
		if _, err := os.Stat(filepath.Join(c, "HEAD")); err == nil {
			return c
		}
	}
	return ""
}

// terraformFiles lists the files of ref under path that linting may read.
func terraformFiles(gitDir, ref, path string) []string {
	args := []string{"--git-dir", gitDir, "ls-tree", "-r", "--name-only", ref}
	if path != "" {
		args = append(args, path)
	}
	out, err := exec.Command("git", args...).Output()
	if err != nil {
		return nil
	}
	var files []string
	for _, f := range strings.Split(string(out), "\n") {
		switch filepath.Ext(f) {
		case ".tf", ".tofu", ".json", ".tfvars", ".tpl", ".tftpl", ".yaml", ".yml", ".hcl":
			files = append(files, f)
		}
	}
	return files
}

// export writes ref (only paths, when given) of the git directory into dst.
func export(gitDir, ref string, paths []string, dst string) error {
	args := append([]string{"--git-dir", gitDir, "archive", "--format=tar", ref}, paths...)
	cmd := exec.Command("git", args...)
	out, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		return err
	}
	tmp := dst + ".part"
	os.RemoveAll(tmp)
	untarErr := untar(out, tmp)
	waitErr := cmd.Wait()
	if untarErr != nil {
		os.RemoveAll(tmp)
		return untarErr
	}
	if waitErr != nil {
		os.RemoveAll(tmp)
		return fmt.Errorf("git archive: %v: %s", waitErr, stderr.String())
	}
	return os.Rename(tmp, dst)
}

// untar extracts regular files and folders of a tar stream into dst (symbolic links
// and anything leaving dst are skipped).
func untar(r io.Reader, dst string) error {
	tr := tar.NewReader(r)
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		name := filepath.Clean(h.Name)
		if strings.HasPrefix(name, "..") || filepath.IsAbs(name) {
			continue
		}
		p := filepath.Join(dst, name)
		switch h.Typeflag {
		case tar.TypeDir:
			if err := os.MkdirAll(p, 0o755); err != nil {
				return err
			}
		case tar.TypeReg:
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				return err
			}
			f, err := os.OpenFile(p, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o644)
			if err != nil {
				return err
			}
			_, err = io.Copy(f, tr)
			f.Close()
			if err != nil {
				return err
			}
		}
	}
}

// copyTree copies the regular files of src into dst, skipping .git and .terraform.
func copyTree(src, dst string) error {
	return filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if d.IsDir() {
			if d.Name() == ".git" || (d.Name() == ".terraform" && rel != ".") {
				return filepath.SkipDir
			}
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		if !d.Type().IsRegular() {
			return nil
		}
		return copyFile(p, filepath.Join(dst, rel))
	})
}

// copyFile copies one file.
func copyFile(src, dst string) error {
	b, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	return os.WriteFile(dst, b, 0o644)
}
