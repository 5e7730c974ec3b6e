# flightdeck_use_torch(target): torch include paths and libraries PRIVATE to one core target,
# with a precompiled header, because each TU that includes torch costs ~17 s on 2 cores.
function(flightdeck_use_torch target)
  target_link_libraries(${target} PRIVATE ${TORCH_LIBRARIES})
  target_include_directories(${target} SYSTEM PRIVATE ${TORCH_INCLUDE_DIRS})
  target_precompile_headers(${target} PRIVATE <torch/script.h> <torch/torch.h>)
endfunction()

# flightdeck_core_module(name SOURCES ... DEPS ...): one folder, one library, public headers in
# include/flightdeck/<name>/.
function(flightdeck_core_module name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS;PRIVATE_DEPS" ${ARGN})
  add_library(flightdeck_${name} STATIC ${ARG_SOURCES})
  add_library(Flightdeck::${name} ALIAS flightdeck_${name})
  target_include_directories(flightdeck_${name} PUBLIC ${CMAKE_CURRENT_SOURCE_DIR}/include)
  target_link_libraries(flightdeck_${name} PUBLIC ${ARG_DEPS} PRIVATE ${ARG_PRIVATE_DEPS})
  target_compile_options(flightdeck_${name} PRIVATE -Wall -Wextra)
endfunction()
