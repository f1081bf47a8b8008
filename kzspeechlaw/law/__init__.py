"""The law as data: the records, the loader and its time index, the general part, the MCI, the queries."""
