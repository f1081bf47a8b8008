"""Many incidents at once: reading registers, the batch runner, the tally, DataFrames."""
