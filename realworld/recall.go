package main

// recallOptions are the flags of `realworld recall`.
type recallOptions struct {
	Entries                     []entry
	Cache, Work, TFLint, Plugin string
	Only                        string
	Jobs                        int
	Mutate, Verbose             bool
}

func recall(o recallOptions) error { return nil }
