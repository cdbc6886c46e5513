"""`styr validera`: the rules run over the model (`checker`), the whole pipeline with its cache
(`pipeline`), and the findings written in each format (`reporters`)."""
