# One warnings function for every target.
function(kiji_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wshadow -Wstrict-prototypes
    -Wmissing-prototypes -Wformat=2 -Wundef -Wvla -Wno-unused-parameter)
  if(KIJI_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
