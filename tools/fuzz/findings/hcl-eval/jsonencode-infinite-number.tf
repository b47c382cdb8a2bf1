a = jsonencode(1e999)
