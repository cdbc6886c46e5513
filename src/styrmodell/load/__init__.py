"""Reading a repository: its files (`sources`, `gitsource`), YAML with positions (`yamlload`,
`parallel`), the layered configuration (`config`), the model (`build`, `repository`) and the cache."""
