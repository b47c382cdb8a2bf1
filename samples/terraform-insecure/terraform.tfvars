image_tag = "latest"
